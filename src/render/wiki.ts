import { posix } from 'node:path';
import { blocks } from '../core/markdown.ts';
import type { Model } from '../core/model.ts';
import { markdownLink } from './escape.ts';
import { GENERATED_PAGES, resolveWikiTarget, WIKI_LINK } from '../core/wiki.ts';

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Where a wiki link target lives among the exported documents, and its title. */
export function exportedPage(model: Model, target: string): { path: string; title: string } | undefined {
  const hit = resolveWikiTarget(model, target);
  switch (hit?.kind) {
    case undefined:
      return undefined;
    case 'generated':
      return { path: hit.id === 'docs/README' ? 'docs/README.md' : `${hit.id}.md`, title: GENERATED_PAGES[hit.id] };
    case 'document':
      return { path: `docs/${hit.id}.md`, title: model.documents.get(hit.id)!.data.title };
    case 'repository':
      return { path: `repositories/${hit.id}.md`, title: model.repositories.get(hit.id)!.data.name };
    case 'integration':
      return { path: `integrations/${hit.id}.md`, title: model.integrations.get(hit.id)!.data.title };
    case 'protocol':
    case 'pattern': {
      const name = hit.kind === 'protocol' ? model.protocols.get(hit.id)!.data.name : model.patterns.get(hit.id)!.data.name;
      return { path: `integration-registry.md#${githubSlug(name)}`, title: name };
    }
  }
}

/**
 * Replaces `[[target]]` and `[[target|label]]` outside code with relative Markdown links from
 * the document at `from` (an output path). Targets `resolve` does not know stay as written.
 */
export function resolveWikiLinks(markdown: string, from: string, resolve: (target: string) => { path: string; title: string } | undefined): string {
  if (!markdown.includes('[[')) return markdown;
  return blocks(markdown)
    .map((block) => {
      const text = block.lines.join('\n');
      if (block.fenced) return text;
      return text.replace(WIKI_LINK, (whole, target: string, label?: string) => {
        const hit = resolve(target.trim());
        if (!hit) return whole;
        const [file, anchor] = hit.path.split('#') as [string, string | undefined];
        const rel = (file === from ? '' : posix.relative(posix.dirname(from), file)) + (anchor ? `#${anchor}` : '');
        return markdownLink(label ?? hit.title, rel);
      });
    })
    .join('\n');
}
