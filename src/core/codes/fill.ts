// Templates and `plexus fill`.
import { entry, suggestion } from './entry.ts';

export const FILL_CODES = {
  TemplateError: entry<{ field: string } | { parse: string | undefined } | { reason: string }>({
    code: 'PLX040',
    severity: 'error',
    title: 'a template that does not parse or uses data its document does not have',
    message: (a) =>
      'field' in a
        ? `The template uses "${a.field}", which this document's data does not have.`
        : 'parse' in a
          ? `The template does not parse${a.parse ? `: got ${a.parse}` : ''}.`
          : `${a.reason}.`.replace(/\.\.$/, '.'),
    hint: (a) =>
      'field' in a
        ? 'Check the field name against the view data the document is rendered from (see src/render/views/), or guard it with {{#if}}.'
        : 'parse' in a
          ? 'Check that every {{#block}} has its {{/block}} and every {{ has its }}.'
          : undefined,
  }),
  UnfilledPlaceholder: entry<{ raw: string; key: string; upper: boolean; template: string }>({
    code: 'PLX041',
    severity: 'warning',
    title: 'a placeholder left unfilled (`plexus fill`)',
    message: (a) => `Unfilled placeholder ${a.raw}.`,
    hint: (a) =>
      a.upper
        ? `Set ${a.key} under placeholders: in ecosystem.yaml, or in a --values file.`
        : `Give "${a.key}" a value in a --values file (plexus fill ${a.template} --list writes one).`,
  }),
  BadChoice: entry<{ value: string; raw: string; choices: string[] }>({
    code: 'PLX042',
    severity: 'warning',
    title: "a value not among a placeholder's listed choices, filled as written (`plexus fill`)",
    message: (a) => `"${a.value}" is not one of the listed choices of ${a.raw}; it was filled as written.`,
    hint: (a) => `The template's lists are examples: keep your value, or use one of: ${a.choices.join(', ')}.`,
  }),
  UnusedValue: entry<{ key: string; template: string; meant?: string }>({
    code: 'PLX043',
    severity: 'warning',
    title: 'a value that fills no placeholder (`plexus fill`)',
    message: (a) => `"${a.key}" fills no placeholder in ${a.template}.${suggestion(a.meant)}`,
    hint: () => 'Keys are placeholder names: UPPER_SNAKE without braces, or the text inside [brackets].',
  }),
  UnsafeValue: entry<{ value: string; raw: string; reason: string }>({
    code: 'PLX044',
    severity: 'error',
    title: 'a value that cannot stand where its placeholder is, such as a link to another scheme (`plexus fill`)',
    message: (a) => `"${a.value}" cannot fill ${a.raw}: ${a.reason}.`,
    hint: () => 'Give an https:// address or a relative path; the placeholder was left as it was.',
  }),
} as const;
