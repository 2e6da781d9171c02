// The template engine: escaping by default, strict fields, errors with the template's line.
import { describe, expect, it } from 'vitest';
import { createEngine, TemplateError, type TemplateSource } from '../../src/render/engine.ts';

const engine = (text: string) => createEngine(new Map<string, TemplateSource>([['t.md.hbs', { name: 't.md.hbs', file: 'templates/t.md.hbs', text }]]));
const render = (text: string, view: object) => engine(text).render('t.md.hbs', view);
const failure = (text: string, view: object) => {
  try {
    render(text, view);
  } catch (error) {
    if (error instanceof TemplateError) return error.diagnostic;
  }
  throw new Error('expected a TemplateError');
};

describe('template engine', () => {
  it('escapes a bare {{value}} for Markdown and MDX', () => {
    expect(render('Hi {{name}}!', { name: '<b>{x}</b> *y* | z' })).toBe('Hi \\<b\\>\\{x\\}\\</b\\> \\*y\\* \\| z!');
  });

  it('escapes inside blocks and with @index helpers', () => {
    expect(render('{{#each xs}}{{inc @index}}. {{this}}\n{{/each}}', { xs: ['a_b', '[c]'] })).toBe('1. a\\_b\n2. \\[c\\]\n');
  });

  it('writes triple-stash values verbatim', () => {
    expect(render('{{{raw}}}', { raw: '**bold**' })).toBe('**bold**');
  });

  it('offers code spans that survive backticks and table pipes', () => {
    expect(render('{{code v}} | {{cellcode v}}', { v: 'a`b|c' })).toBe('``a`b|c`` | ``a`b\\|c``');
  });

  it('reports a field the data does not have, at the template line', () => {
    expect(failure('# Title\n\nBy {{author.name}}', { author: {} })).toEqual({
      code: 'PLX040',
      severity: 'error',
      file: 'templates/t.md.hbs',
      line: 3,
      col: 4,
      message: 'The template uses "author.name", which this document\'s data does not have.',
      hint: 'Check the field name against the view data the document is rendered from (see src/render/views/), or guard it with {{#if}}.',
    });
  });

  it.each([
    ['{{#if missing}}x{{/if}}', 1, 1, 'missing'],
    ['a\n{{#each itemz}}{{this}}{{/each}}', 2, 1, 'itemz'],
    ['{{cell nope}}', 1, 1, 'nope'],
  ])('reports %j, a field the data lacks, in blocks and helpers too', (text, line, col, field) => {
    expect(failure(text, { items: [] })).toMatchObject({ line, col, message: `The template uses "${field}", which this document's data does not have.` });
  });

  it('accepts null for an absent value', () => {
    expect(render('{{#if v}}yes{{else}}no{{/if}} [{{v}}]', { v: null })).toBe('no []');
  });

  it('reports a template that does not parse', () => {
    expect(failure('line one\n{{#each items}}\nno end', { items: [] })).toMatchObject({
      code: 'PLX040',
      line: 3,
      message: "The template does not parse: got 'EOF'.",
    });
  });
});
