import { blocks } from '../core/markdown.ts';
import { diagramKey } from '../diagrams/render.ts';
import type { RenderedDocument } from '../render/documents.ts';
import { pageOfExport } from './paths.ts';

/**
 * Hand-written mermaid, full size, as pages of the site (/diagrams/<key>/): the drawing with its
 * links live, in the site's light or dark look, and a way back to each document that draws it.
 * The bare SVG stays at /diagrams/<key>.svg for whoever wants the file.
 */
export interface DrawnPage {
  key: string;
  source: string;
  /** The documents that draw it, each with its page on the site. */
  documents: { title: string; page: string }[];
}

/** The page of a hand-written drawing, by its key (a site path, without the base). */
export const drawingPage = (key: string) => `/diagrams/${key}/`;

/** One page for each of `sources` (the hand-written mermaid the site draws), with the documents it is in. */
export function drawnPages(sources: readonly string[], documents: readonly RenderedDocument[]): DrawnPage[] {
  const wanted = new Set(sources);
  const found = new Map<string, DrawnPage>();
  for (const doc of documents) {
    const page = pageOfExport(doc.path);
    if (!page) continue;
    for (const b of blocks(doc.markdown)) {
      const source = `${b.lines.slice(1, -1).join('\n')}\n`;
      if (!b.fenced || b.lang !== 'mermaid' || !wanted.has(source)) continue;
      const key = diagramKey(source, 'site');
      const entry = found.get(key) ?? found.set(key, { key, source, documents: [] }).get(key)!;
      if (!entry.documents.some((d) => d.page === page)) entry.documents.push({ title: doc.title, page });
    }
  }
  return [...found.values()];
}
