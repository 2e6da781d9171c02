import { blocks } from './markdown.ts';
import type { Registry } from './model.ts';

export const WIKI_LINK = /\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]/g;

/** Documents every rendering has, addressable by wiki link. */
export const GENERATED_PAGES = {
  'integration-registry': 'Integration Registry',
  'integration-patterns': 'Integration Patterns',
  'system-integrations': 'System Integrations',
  'docs/README': 'Documentation',
} as const;

export type WikiTarget =
  | { kind: 'generated'; id: keyof typeof GENERATED_PAGES }
  | { kind: 'document' | 'repository' | 'integration' | 'protocol' | 'pattern'; id: string };

/**
 * What `[[target]]` names: a generated page, a document (by id or file name), or an entity,
 * optionally qualified (`repositories/core-api`). Undefined when it names nothing.
 */
export function resolveWikiTarget(registry: Registry, target: string): WikiTarget | undefined {
  const t = target.trim().replace(/\.mdx?$/, '');
  if (t in GENERATED_PAGES) return { kind: 'generated', id: t as keyof typeof GENERATED_PAGES };
  if (registry.documents.has(t)) return { kind: 'document', id: t };
  for (const id of registry.documents.keys()) if (id.split('/').at(-1) === t) return { kind: 'document', id };
  const slash = t.indexOf('/');
  const [qualifier, id] = slash < 0 ? [undefined, t] : [t.slice(0, slash), t.slice(slash + 1)];
  const kinds = [
    ['repositories', 'repository'],
    ['integrations', 'integration'],
    ['protocols', 'protocol'],
    ['patterns', 'pattern'],
  ] as const;
  for (const [folder, kind] of kinds) {
    if ((qualifier === undefined || qualifier === folder) && registry[folder].has(id)) return { kind, id };
  }
  return undefined;
}

/** Every wiki link target outside code, with its 1-based line and column. */
export function wikiTargets(markdown: string): { target: string; line: number; col: number }[] {
  const out: { target: string; line: number; col: number }[] = [];
  for (const block of blocks(markdown)) {
    if (block.fenced) continue;
    block.lines.forEach((line, i) => {
      for (const m of line.matchAll(WIKI_LINK)) out.push({ target: m[1]!.trim(), line: block.startLine + i + 1, col: m.index + 1 });
    });
  }
  return out;
}
