import { join } from 'node:path';
import { strategyCompleteness } from '../render/completeness.ts';
import { diagramFigure } from '../render/diagram-html.ts';
import { type Diagram, sequenceDiagram } from '../render/diagrams.ts';
import { withoutTitleBlock } from '../render/documents.ts';
import { markdownToHtml } from '../render/html.ts';
import { config, diagrams, documents, drawn, model } from './data.ts';
import { linkFromExport } from './paths.ts';
import { href, pageOfNode } from './urls.ts';

const byPath = new Map(documents.map((d) => [d.path, d]));
/**
 * Diagrams Plexus generated, by source: where a document embeds one (the system page the
 * ecosystem's), it keeps its own caption. Made when a document first has a mermaid block.
 */
let generated: Map<string, Diagram> | undefined;
const generatedBySource = () =>
  (generated ??= new Map<string, Diagram>(
    [...diagrams.all(), ...[...model.integrations.keys()].map((id) => sequenceDiagram(model, id))]
      .filter((d) => d !== null)
      .map((d) => [d.source.endsWith('\n') ? d.source : `${d.source}\n`, d] as const),
  ));

function figure(source: string, text: Diagram['text'], diagram?: Pick<Diagram, 'nodes' | 'focus'>): string {
  const svg = drawn.get(source);
  const nodes = diagram?.nodes ?? [];
  const links = new Map(nodes.flatMap((key, i) => (pageOfNode(key) ? [[`n${i}`, pageOfNode(key)!] as const] : [])));
  const focus = diagram?.focus === undefined ? undefined : nodes.indexOf(diagram.focus);
  return diagramFigure(source, text, svg && { ...svg, file: href(`/diagrams/${svg.key}.svg`) }, {
    links,
    focus: focus !== undefined && focus >= 0 ? `n${focus}` : undefined,
    pending: svg ? undefined : drawn.pending(source),
  });
}

/** A generated diagram as a figure: drawn SVG with its nodes linked, or its text for the browser to draw. */
export function diagramHtml(diagram: Diagram): string {
  return figure(diagram.source, diagram.text, diagram);
}

/**
 * A rendered document as HTML, its links pointing at site pages and its mermaid fences as
 * diagrams. `bodyOnly` leaves out the title block, for pages that show title and front matter.
 */
export function documentHtml(path: string, options: { bodyOnly?: boolean } = {}) {
  const doc = byPath.get(path);
  if (!doc) throw new Error(`No rendered document ${path}`);
  const markdown = doc.markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return markdownToHtml(options.bodyOnly ? withoutTitleBlock(markdown) : markdown, {
    link: (url) => {
      const page = linkFromExport(path, url);
      return page.startsWith('/') ? href(page) : page;
    },
    mermaid: (fence) => {
      const source = fence.endsWith('\n') ? fence : `${fence}\n`;
      // A diagram Plexus generated (an integration's sequence) keeps its own caption and legend.
      const generated = generatedBySource().get(source);
      return figure(source, generated?.text ?? { title: 'Diagram', description: 'From a mermaid block in this document.' }, generated);
    },
  });
}

/** Placeholder completeness of a strategy document, against the blank strategy template. */
export function documentCompleteness(id: string) {
  return strategyCompleteness(model, model.documents.get(id)!.body, join(config.root, 'templates'));
}
