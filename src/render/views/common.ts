import type { Model } from '../../core/model.ts';
import type { Protocol } from '../../core/schemas/index.ts';

/** Lookups every view and page needs: display names by id, falling back to the id itself. */
export function namer(model: Model) {
  return {
    repo: (id: string) => model.repositories.get(id)?.data.name ?? id,
    /** `unknown` (a repository no team is known to own) reads "team unknown", as a provider reads "provider unknown". */
    team: (id: string) => (id === 'all-teams' ? 'All teams' : (model.teams.get(id)?.data.name ?? (id === 'unknown' ? 'team unknown' : id))),
    /** Whether `id` names no team: `unknown` where the registry has no team of that id. Such a team is said in text and linked nowhere. */
    noTeam: (id: string) => id === 'unknown' && !model.teams.has(id),
    integration: (id: string) => model.integrations.get(id)?.data.title ?? id,
    pattern: (id: string) => model.patterns.get(id)?.data.name ?? id,
    resource: (id: string) => model.resources.get(id)?.data.name ?? id,
  };
}

/** The protocol of a kind, if the registry has one, with every optional field present (null or empty). */
export function protocolOf(model: Model, kind: Protocol['kind']) {
  for (const p of model.protocols.values()) {
    if (p.data.kind !== kind) continue;
    const d = p.data;
    return {
      id: p.id,
      name: d.name,
      kind: d.kind,
      summary: d.summary ?? null,
      intro: d.intro ?? null,
      documentation: d.documentation ?? null,
      steps: d.steps.map((s) => ({ title: s.title, detail: s.detail ?? null, tasks: s.tasks ?? [] })),
    };
  }
  return null;
}

export function byTitle<T extends { data: { title: string } }>(a: T, b: T): number {
  return a.data.title.localeCompare(b.data.title);
}

/**
 * A text tree (`├──`, `└──`) of paths, with a comment after the entries that have one,
 * as the registry seed draws its documentation structure.
 */
export function pathTree(root: string, paths: ReadonlyMap<string, string | undefined>): string {
  interface Dir {
    children: Map<string, Dir>;
    comment?: string;
    dir: boolean;
  }
  const top: Dir = { children: new Map(), dir: true };
  for (const [path, comment] of paths) {
    const parts = path.split('/').filter(Boolean);
    let node = top;
    parts.forEach((part, i) => {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { children: new Map(), dir: false }));
      if (i < parts.length - 1 || path.endsWith('/')) child.dir = true;
      node = child;
    });
    if (comment) node.comment = comment;
  }
  const lines = [`${root}/`];
  const walk = (dir: Dir, prefix: string) => {
    const entries = [...dir.children].sort(([a], [b]) => a.localeCompare(b));
    entries.forEach(([name, child], i) => {
      const last = i === entries.length - 1;
      const label = `${prefix}${last ? '└── ' : '├── '}${name}${child.dir ? '/' : ''}`;
      lines.push(child.comment ? `${label.padEnd(34)} # ${child.comment}` : label);
      walk(child, `${prefix}${last ? '    ' : '│   '}`);
    });
  };
  walk(top, '');
  return lines.join('\n');
}
