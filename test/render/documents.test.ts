// Which documents a registry yields, beyond the example's shape.
import { describe, expect, it } from 'vitest';
import { renderDocuments, withoutTitleBlock } from '../../src/render/documents.ts';
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

describe('a document body under a page that shows its front matter', () => {
  it('leaves out the title and the lines restating version, date, authors and status', () => {
    expect(withoutTitleBlock('# Strategy\n\nVersion: 0.1.0\nDate: 2026-11-02\nAuthor(s): A, B\nStatus: Draft\n\n## 1. Overview\n\nText.\n')).toBe(
      '## 1. Overview\n\nText.\n',
    );
  });

  it('keeps a first paragraph that is the author’s own text', () => {
    expect(withoutTitleBlock('# Guide\n\nA signed-in user opens the box office.\nVersion: not a field line alone.\n')).toBe(
      'A signed-in user opens the box office.\nVersion: not a field line alone.\n',
    );
    expect(withoutTitleBlock('No title here.\n\n# Later\n')).toBe('No title here.\n\n# Later\n');
  });
});

describe('rendering documents when they are read (npm run dev)', () => {
  const { model } = check({});

  it('gives the same documents, in the same order, as rendering them all at once', () => {
    const eager = renderDocuments(model, engine, { site: true });
    const lazy = renderDocuments(model, engine, { site: true, lazy: true });
    expect(lazy.map((d) => [d.path, d.title, d.kind, d.markdown])).toEqual(eager.map((d) => [d.path, d.title, d.kind, d.markdown]));
  });

  it('renders a document only when its Markdown is read, and once', () => {
    const rendered: string[] = [];
    const counting = {
      render: (name: string, view: object) => {
        rendered.push(name);
        return engine.render(name, view);
      },
    };
    const docs = renderDocuments(model, counting, { lazy: true });
    expect(rendered).toEqual([]);
    const registry = docs.find((d) => d.kind === 'registry')!;
    expect(registry.markdown).toBe(registry.markdown);
    expect(rendered).toEqual(['registry.md.hbs']);
  });

  it('raises a template’s error when its document is read, or at once when not lazy', () => {
    const failing = {
      render: () => {
        throw new Error('template broke');
      },
    };
    expect(() => renderDocuments(model, failing)).toThrow('template broke');
    const docs = renderDocuments(model, failing, { lazy: true });
    expect(docs[0]!.kind).toBe('index');
    expect(() => docs.find((d) => d.kind === 'registry')!.markdown).toThrow('template broke');
  });
});
