import { stringify } from 'yaml';
import type { Model } from '../core/model.ts';
import type { Engine } from './engine.ts';
import { markdownLink, markdownText } from './escape.ts';
import { docFolders, docsIndexView } from './views/docs-index.ts';
import { integrationView } from './views/integration.ts';
import { patternsView } from './views/patterns.ts';
import { registryView } from './views/registry.ts';
import { repositoryView } from './views/repository.ts';
import { systemView } from './views/system.ts';
import { exportedPage, resolveWikiLinks } from './wiki.ts';

/** A rendered document: where it goes, what it is called, and its Markdown. */
export interface RenderedDocument {
  /** Output path, e.g. `integration-registry.md`, `repositories/core-api.md`, `docs/guides/README.md`. */
  path: string;
  title: string;
  kind: 'index' | 'registry' | 'patterns' | 'system' | 'repository' | 'integration' | 'docs-index' | 'document';
  markdown: string;
}

/** Front matter written by a YAML serializer, never by templating. */
export function withFrontMatter(data: object, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n\n${body.replace(/^\n+/, '')}`;
}

/**
 * Every document Plexus renders from a model, in a stable order: the registry (seed 000),
 * patterns (001), docs indexes (002), the system page (004), a page per repository and
 * integration, and the hand-written documents with their wiki links resolved.
 *
 * `site` renders them for the site's pages, which show an entity's title, summary and cards
 * themselves: every template sees `site` (true there, false in the export) and leaves out what
 * the page already shows, so nothing is cut from its output by heading text.
 *
 * `lazy` renders each document's Markdown when it is first read, not before: `npm run dev`
 * re-renders after every edit and a page needs one or two documents, not all (a template's error
 * then surfaces when its document is read).
 */
export function renderDocuments(model: Model, engine: Engine, options: { site?: boolean; lazy?: boolean } = {}): RenderedDocument[] {
  const docs: RenderedDocument[] = [];
  const site = options.site ?? false;
  const add = (path: string, title: string, kind: RenderedDocument['kind'], write: () => string) => {
    let markdown: string | undefined;
    const resolved = () => resolveWikiLinks(write(), path, (target) => exportedPage(model, target));
    docs.push({
      path,
      title,
      kind,
      get markdown() {
        return (markdown ??= resolved());
      },
    });
  };
  const render = (template: string, view: () => object) => () => engine.render(template, { ...view(), site });
  add(
    'integration-registry.md',
    'Integration Registry',
    'registry',
    render('registry.md.hbs', () => registryView(model)),
  );
  add(
    'integration-patterns.md',
    'Integration Patterns',
    'patterns',
    render('patterns.md.hbs', () => patternsView(model)),
  );
  add(
    'system-integrations.md',
    'System Integrations',
    'system',
    render('system.md.hbs', () => systemView(model)),
  );
  for (const id of [...model.repositories.keys()].sort()) {
    add(
      `repositories/${id}.md`,
      model.repositories.get(id)!.data.name,
      'repository',
      render('repository.md.hbs', () => repositoryView(model, id)),
    );
  }
  for (const id of [...model.integrations.keys()].sort()) {
    add(
      `integrations/${id}.md`,
      model.integrations.get(id)!.data.title,
      'integration',
      render('integration.md.hbs', () => integrationView(model, id)),
    );
  }
  const folders = new Set(docFolders(model).flatMap((f) => f.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  for (const folder of ['', ...[...folders].filter(Boolean).sort()]) {
    const view = docsIndexView(model, folder);
    add(
      `docs/${folder ? `${folder}/` : ''}README.md`,
      view.title,
      'docs-index',
      render('docs-index.md.hbs', () => view),
    );
  }
  for (const doc of [...model.documents.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    add(`docs/${doc.id}.md`, doc.data.title, 'document', () => withFrontMatter(doc.data, doc.body));
  }
  const index = indexPage(model, docs);
  docs.unshift({ path: 'README.md', title: `${model.ecosystem!.data.name} integration documentation`, kind: 'index', markdown: index });
  // Rendered now, in order, unless asked to wait: a template's error stops here, before anything is written.
  if (!options.lazy) for (const d of docs) void d.markdown;
  return docs;
}

function indexPage(model: Model, docs: RenderedDocument[]): string {
  const link = (d: RenderedDocument) => `- ${markdownLink(d.title, d.path)}`;
  const section = (title: string, kinds: RenderedDocument['kind'][]) => {
    const items = docs.filter((d) => kinds.includes(d.kind));
    return items.length ? `## ${title}\n\n${items.map(link).join('\n')}\n` : '';
  };
  return [
    `# ${markdownText(model.ecosystem!.data.name)} integration documentation\n`,
    'Generated by Plexus from the integration registry. Edit the registry, not these files.\n',
    section('Overview', ['registry', 'patterns', 'system']),
    section('Repositories', ['repository']),
    section('Integrations', ['integration']),
    section('Documents', ['docs-index', 'document']),
  ]
    .filter(Boolean)
    .join('\n');
}

/** A line that restates a front matter field, as `plexus new` writes them under the title: `Version: 0.1.0`. */
const RESTATED = /^(Version|Date|Authors?|Author\(s\)|Status|Type|Purpose):[ \t]/i;

/**
 * A document's body without what a page shows from its front matter: its leading `# Title`
 * and the paragraph under it that restates version, date, authors and status line by line (one
 * run-on line once rendered). Everything else is kept as written.
 */
export function withoutTitleBlock(markdown: string): string {
  const title = markdown.match(/^\s*# [^\n]*\n/);
  if (!title) return markdown;
  let rest = markdown.slice(title[0].length);
  const paragraph = rest.match(/^\s*((?:[^\n]+\n?)+)/);
  if (
    paragraph &&
    paragraph[1]!
      .trimEnd()
      .split('\n')
      .every((line) => RESTATED.test(line))
  )
    rest = rest.slice(paragraph[0].length);
  return rest.replace(/^\s*\n/, '');
}
