// Hand-written mermaid gets a full-size page of the site, linked back to every document that draws it.
import { describe, expect, it } from 'vitest';
import { diagramKey } from '../../src/diagrams/render.ts';
import type { RenderedDocument } from '../../src/render/documents.ts';
import { drawingPage, drawnPages } from '../../src/site/drawn-pages.ts';

const FLOW = 'flowchart LR\n  a --> b\n';
const SEQ = 'sequenceDiagram\n  A->>B: hi\n';
const doc = (path: string, title: string, markdown: string): RenderedDocument => ({ path, title, kind: 'document', markdown });

describe('drawnPages', () => {
  it('gives each hand-written drawing one page, with the pages of the documents that draw it', () => {
    const documents = [
      doc('docs/guides/a.md', 'Guide A', `# A\n\n\`\`\`mermaid\n${FLOW}\`\`\`\n\n\`\`\`mermaid\n${SEQ}\`\`\`\n`),
      doc('docs/guides/b.md', 'Guide B', `\`\`\`mermaid\n${FLOW}\`\`\`\n\n\`\`\`mermaid\n${FLOW}\`\`\`\n`),
      // Generated mermaid (not among the sources given) and documents with no page get none.
      doc('repositories/x.md', 'X', '```mermaid\nflowchart LR\n  x --> y\n```\n'),
      doc('elsewhere.md', 'Nowhere', `\`\`\`mermaid\n${SEQ}\`\`\`\n`),
    ];
    expect(drawnPages([FLOW, SEQ], documents)).toEqual([
      {
        key: diagramKey(FLOW, 'site'),
        source: FLOW,
        documents: [
          { title: 'Guide A', page: '/docs/guides/a/' },
          { title: 'Guide B', page: '/docs/guides/b/' },
        ],
      },
      { key: diagramKey(SEQ, 'site'), source: SEQ, documents: [{ title: 'Guide A', page: '/docs/guides/a/' }] },
    ]);
    expect(drawingPage('0a1b')).toBe('/diagrams/0a1b/');
  });
});
