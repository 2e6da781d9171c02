// `plexus diff` written out: for the terminal, as a pull-request comment (Markdown), and as JSON.
import { formatDiagnostic } from '../core/diagnostics.ts';
import { type DiffReport, type EntityChange, NOBODY, type Notify } from './compare.ts';

/** The hidden line a pull-request comment starts with, by which the workflow finds it to update it. */
export const MARKER = '<!-- plexus-diff -->';

/** The version of the JSON's shape; it changes only when a field changes meaning or is removed. */
export const JSON_FORMAT = 'plexus-diff/1';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** `3 changed, 1 added, 1 removed` and the breaking changes, or `No changes`. */
export function summaryLine(report: DiffReport): string {
  const { added, removed, changed, breaking, allowed } = report.summary;
  const parts = [changed && `${changed} changed`, added && `${added} added`, removed && `${removed} removed`].filter(Boolean);
  const counts = parts.length > 0 ? parts.join(', ') : 'no changes';
  const breaks = [breaking ? plural(breaking, 'breaking change') : '', allowed ? `${plural(allowed, 'breaking change')} the policy allows` : ''].filter(
    Boolean,
  );
  return `${counts[0]!.toUpperCase()}${counts.slice(1)}${breaks.length > 0 ? `; ${breaks.join(', ')}` : ''}.`;
}

/** A value as one short line: text as written, lists in brackets, mappings as `{key: value}`. */
export function showValue(value: unknown, max = 80): string {
  if (value === undefined) return '(none)';
  const flat = (v: unknown): string =>
    typeof v === 'string'
      ? v
      : Array.isArray(v)
        ? `[${v.map(flat).join(', ')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .map(([k, x]) => `${k}: ${flat(x)}`)
              .join(', ')}}`
          : String(v);
  const text = flat(value).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One field's change as a line: `owner: payments → core-platform`, `contacts.email: removed a@b`. */
export const fieldLine = (f: EntityChange['fields'][number]) =>
  f.old === undefined
    ? `${f.path}: added ${showValue(f.new)}`
    : f.new === undefined
      ? `${f.path}: removed ${showValue(f.old)}`
      : `${f.path}: ${showValue(f.old)} → ${showValue(f.new)}`;

function notifyText(n: Notify): string {
  if ('contact' in n) return n.contact;
  if (n.name === NOBODY) return n.name;
  const reach = [n.lead, n.contacts?.email, n.contacts?.chat, n.contacts?.onCall].filter(Boolean);
  return `${n.name} (${n.team})${reach.length > 0 ? `: ${reach.join(', ')}` : ''}`;
}

/** What failed validation is left out of the comparison: said, so that a missing entity is not taken for a removal. */
const checkNote = (report: DiffReport) =>
  `${report.head[0]!.toUpperCase()}${report.head.slice(1)} has ${plural(report.checkErrors.head, 'error')} that plexus check reports; what they are in is left out of this comparison.`;

/** For the terminal: breaking changes first, then each change with its fields, the impact, whom to notify. */
export function formatText(report: DiffReport): string {
  const lines = [`plexus diff: ${report.base} → ${report.head}`, summaryLine(report)];
  if (report.checkErrors.head > 0) lines.push(checkNote(report));
  if (report.diagnostics.length > 0) lines.push('', ...report.diagnostics.map(formatDiagnostic));
  if (report.changes.length > 0) lines.push('');
  for (const c of report.changes) {
    lines.push(`${c.change} ${c.kind} ${c.id} (${c.file})`);
    for (const f of c.fields) lines.push(`  ${fieldLine(f)}`);
  }
  if (report.impact.length > 0) {
    lines.push('', 'Impact:');
    for (const i of report.impact)
      lines.push(
        `  ${i.kind} ${i.id}: ${i.consumers.length > 0 ? `consumers ${i.consumers.join(', ')}` : 'no consumers'}${i.transitive.length > 0 ? `; through them ${i.transitive.join(', ')}` : ''}`,
      );
  }
  if (report.notify.length > 0) {
    lines.push('', 'Notify:');
    for (const n of report.notify) lines.push(`  ${notifyText(n)} (${n.because.join('; ')})`);
  }
  return lines.join('\n');
}

/**
 * Registry text made inert in Markdown: nothing it holds can format, link, mention (@team),
 * close the table cell it is in, or open HTML.
 */
export function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '&#64;')
    .replace(/:\/\//g, ':&#47;&#47;');
}
/** Text as code: no backtick can close it, and a pipe, escaped, cannot end the table cell it is in. */
const code = (text: string) => `\`${text.replace(/\s+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

/** GitHub refuses comments over 65,536 characters: the changes table stops before that. */
const MAX_COMMENT = 60_000;

/** For a pull-request comment: a heading, the summary, breaking changes first, the changes, the impact, whom to notify. */
export function formatMarkdown(report: DiffReport): string {
  const out = [MARKER, '## Registry changes', '', `**${md(summaryLine(report))}** Compared ${md(report.base)} with ${md(report.head)}.`];
  if (report.checkErrors.head > 0) out.push('', `> ${md(checkNote(report))}`);
  if (report.diagnostics.length > 0) {
    out.push('', '### Breaking changes', '');
    for (const d of report.diagnostics) {
      out.push(`- ${d.severity === 'error' ? '❌' : '⚠️'} **${d.code}** ${code(`${d.file}:${d.line}`)}: ${md(d.message)}`);
      if (d.hint) out.push(`  ${d.severity === 'error' ? 'To comply' : 'Next'}: ${md(d.hint)}`);
    }
  }
  if (report.changes.length > 0) {
    out.push('', '### Changes', '', '| change | entity | field | before | after |', '|---|---|---|---|---|');
    const rows: string[] = [];
    for (const c of report.changes) {
      const entity = `${c.kind} ${code(c.id)}`;
      if (c.fields.length === 0) rows.push(`| ${c.change} | ${entity} | | | |`);
      for (const [i, f] of c.fields.entries())
        rows.push(
          `| ${i === 0 ? c.change : ''} | ${i === 0 ? entity : ''} | ${code(f.path)} | ${f.old === undefined ? '' : md(showValue(f.old))} | ${f.new === undefined ? '' : md(showValue(f.new))} |`,
        );
    }
    let size = out.join('\n').length;
    for (const [i, row] of rows.entries()) {
      if (size + row.length > MAX_COMMENT) {
        out.push('', `…and ${plural(rows.length - i, 'more row')}: run \`npx plexus diff\` to see them all.`);
        break;
      }
      out.push(row);
      size += row.length + 1;
    }
  }
  if (report.impact.length > 0) {
    out.push('', '### Impact', '', '| changed | consumers | through them |', '|---|---|---|');
    for (const i of report.impact) out.push(`| ${i.kind} ${code(i.id)} | ${md(i.consumers.join(', ')) || 'none'} | ${md(i.transitive.join(', '))} |`);
  }
  if (report.notify.length > 0) {
    out.push('', '### Notify', '');
    for (const n of report.notify) out.push(`- **${md(notifyText(n))}**: ${md(n.because.join('; '))}`);
  }
  return out.join('\n');
}

/**
 * The JSON: `format` (plexus-diff/1), `base` and `head` as labelled, `summary` (counts),
 * `checkErrors` (errors plexus check finds in base and head), `changes` (kind, id (a spec's is its path), change: added|removed|changed, file, fields: path with old and/or new,
 * absent where there was no value), `impact` (kind, id, consumers, transitive), `notify` (a team:
 * team, name, lead?, contacts?, because; or a contact: contact, because) and `diagnostics` (as
 * plexus check --format json writes them).
 */
export function formatJson(report: DiffReport): string {
  return JSON.stringify({ format: JSON_FORMAT, ok: report.summary.breaking === 0, ...report }, null, 2);
}
