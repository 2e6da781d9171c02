// Which documents a registry yields, beyond the example's shape.
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../src/render/documents.ts';
import { engine } from '../example-model.ts';
import { check } from '../registry-fixture.ts';

describe('document indexes', () => {
  it('gives a registry with documents at the docs root one root index, not two', () => {
    const { model } = check({ 'docs/team/notes.md': '---\ntitle: Notes\npurpose: Notes\nstatus: draft\nversion: 0.1.0\nauthors: [Ada]\n---\n# Notes\n' });
    const paths = renderDocuments(model, engine)
      .filter((d) => d.kind === 'docs-index')
      .map((d) => d.path);
    expect(paths).toEqual(['docs/README.md', 'docs/team/README.md']);
  });
});
