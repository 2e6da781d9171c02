import { join } from 'node:path';
import { strategyCompleteness } from '../render/completeness.ts';
import { diagramFigure } from '../render/diagram-html.ts';
import type { Diagram } from '../render/diagrams.ts';
import { withoutTitleBlock } from '../render/documents.ts';
import { sentenceCaseHeadings, withoutEmoji, withoutHeadingEmoji } from '../render/emoji.ts';
import { markdownToHtml } from '../render/html.ts';
import { config, diagrams, documents, drawn, model } from './data.ts';
import { viewFigure } from '../diagrams/figure.ts';
import { sequenceOf } from '../diagrams/graph.ts';
import { toMermaid } from '../diagrams/graph-text.ts';
import { drawingPage } from './drawn-pages.ts';
import { linkFromExport } from './paths.ts';
import { href, pageOfNode } from './urls.ts';

const byPath = new Map(documents.map((d) => [d.path, d]));
/**
 * Diagrams Plexus generated, by source: where a document embeds one (the system page the
 * ecosystem's), it keeps its own caption. Made when a document first has a mermaid block.
 */
let generated: Map<string, Diagram> | undefined;
const generatedBySource = () =>
  (generated ??= new Map<string, Diagram>(diagrams.all().map((d) => [d.source.endsWith('\n') ? d.source : `${d.source}\n`, d] as const)));

function figure(source: string, text: Diagram['text'], diagram?: Pick<Diagram, 'nodes' | 'focus'>): string {
  const svg = drawn.get(source);
  const nodes = diagram?.nodes ?? [];
  const links = new Map(nodes.flatMap((key, i) => (pageOfNode(key) ? [[`n${i}`, pageOfNode(key)!] as const] : [])));
  const focus = diagram?.focus === undefined ? undefined : nodes.indexOf(diagram.focus);
  return diagramFigure(source, text, svg && { ...svg, file: href(drawingPage(svg.key)) }, {
    links,
    focus: focus !== undefined && focus >= 0 ? `n${focus}` : undefined,
    pending: svg ? undefined : drawn.pending(source),
  });
}

/** An integration's generated sequence, by its mermaid source: drawn by Plexus's writer, no browser. */
let sequences: Map<string, string> | undefined;
const sequenceBySource = () =>
  (sequences ??= new Map(
    [...model.integrations.keys()].flatMap((id) => {
      const sequence = sequenceOf(model, id);
      return sequence ? [[toMermaid(sequence), id] as const] : [];
    }),
  ));

function sequenceFigure(id: string): string {
  const graph = sequenceOf(model, id)!;
  return viewFigure(
    { graph, wide: null, narrow: null },
    { link: href, idPrefix: `seq-${id.replace(/[^\w-]/g, '_')}` },
    (i) => model.integrations.get(i)?.data.title ?? i,
  );
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
  const rendered = markdownToHtml(options.bodyOnly ? withoutTitleBlock(markdown) : markdown, {
    link: (url) => {
      const page = linkFromExport(path, url);
      return page.startsWith('/') ? href(page) : page;
    },
    mermaid: (fence) => {
      const source = fence.endsWith('\n') ? fence : `${fence}\n`;
      const sequence = sequenceBySource().get(source);
      if (sequence) return sequenceFigure(sequence);
      // A diagram Plexus generated (an integration's sequence) keeps its own caption and legend.
      const generated = generatedBySource().get(source);
      return figure(source, generated?.text ?? { title: 'Diagram', description: 'From a mermaid block in this document.' }, generated);
    },
  });
  // The integration document's fixed headings in the site's sentence case, beside the page's own.
  const html = path.startsWith('integrations/') ? sentenceCaseHeadings(rendered.html) : rendered.html;
  // Generated documents lose their emoji altogether (status cells, notes); a person's document keeps them, but not in headings.
  return { ...rendered, html: path.startsWith('docs/') ? withoutHeadingEmoji(html) : withoutEmoji(html) };
}

/** Placeholder completeness of a strategy document, against the blank strategy template. */
export function documentCompleteness(id: string) {
  return strategyCompleteness(model, model.documents.get(id)!.body, join(config.root, 'templates'));
}
