import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { diagnostic } from '../core/codes.ts';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { splitFrontMatter } from '../core/frontmatter.ts';
import { decodeSource } from '../core/decode.ts';
import { parseYamlSource } from '../core/source.ts';
import { completenessText, strategyCompleteness } from '../render/completeness.ts';
import { didYouMean } from '../core/suggest.ts';
import { fillPlaceholders, scanPlaceholders, type Placeholder } from '../render/placeholders.ts';
import { registryValues } from '../render/registry-values.ts';
import { EXIT, UsageError, type Io } from './io.ts';
import { loadValidModel } from './load.ts';
import { checkOutputFile, replaceFile } from './output.ts';
import { CONTENT_OPTION } from './check.ts';
import type { Command } from './command.ts';

async function readText(path: string, io: Io, what: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const shown = relative(io.cwd, path) || path;
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`No ${what} at ${shown}.`);
  if (!info.isFile()) throw new UsageError(`The ${what} ${shown} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}; give a file.`);
  const bytes = await readFile(path);
  return decodeSource(relative(io.cwd, path), bytes);
}

/** Values from a `--values` YAML file: a mapping of placeholder names to text. */
async function readValues(path: string, io: Io) {
  const display = relative(io.cwd, path);
  const decoded = await readText(path, io, 'values file');
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const { parsed, diagnostics } = parseYamlSource(display, decoded.text);
  if (!parsed) return { diagnostics };
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value === null || value === '') continue; // a skeleton line left blank
    if (typeof value === 'object') {
      diagnostics.push(
        diagnostic('WrongType', display, parsed.locate([key]), {
          name: key,
          expected: 'text',
          actual: Array.isArray(value) ? 'a list' : 'a mapping',
          description: 'Each placeholder takes one line of text.',
        }),
      );
      continue;
    }
    values.set(key, String(value));
  }
  return { values, locate: parsed.locate, display, diagnostics };
}

/** The `--list` skeleton: every placeholder the template needs, once, as YAML to fill in. */
function skeleton(template: string, placeholders: Placeholder[], known: ReadonlyMap<string, string>): string {
  const lines = [`# Values for ${template}. Fill in, then: plexus fill ${template} --values <this file>`];
  const seen = new Set<string>();
  for (const p of placeholders) {
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    const where = `line ${p.line}`;
    if (known.has(p.key)) {
      lines.push(`# ${p.raw} (${where}) comes from the registry: ${JSON.stringify(known.get(p.key))}`);
      continue;
    }
    const times = placeholders.filter((q) => q.key === p.key).length;
    const repeated =
      times === 2
        ? `; it appears twice: "${p.key}#2" fills the second one differently`
        : times > 2
          ? `; it appears ${times} times: "${p.key}#2" … "${p.key}#${times}" fill the later ones differently`
          : '';
    lines.push(p.kind === 'choice' ? `# ${p.raw} (${where}): one of ${p.choices.join(', ')}, or your own${repeated}` : `# ${p.raw} (${where})${repeated}`);
    lines.push(`${JSON.stringify(p.key)}: ""`);
  }
  return `${lines.join('\n')}\n`;
}

export const fill: Command = {
  summary: 'Fill {UPPER_SNAKE}, [Bracket] and [A | B] placeholders in a Markdown template from the registry and a values file.',
  usage: 'plexus fill TEMPLATE [--values FILE] [--out FILE [--force]] [--strict] [--list] [--content DIR]',
  args: { min: 1, max: 1, name: 'TEMPLATE', missing: 'Name the template to fill.' },
  options: {
    values: { type: 'string', value: 'FILE', description: 'a YAML file of values for the placeholders the registry does not fill' },
    out: { type: 'string', value: 'FILE', description: 'write the filled document to FILE', default: 'print it' },
    strict: { type: 'boolean', description: 'exit 1 while a placeholder is unfilled or a value is not among its choices' },
    list: { type: 'boolean', description: 'print the placeholders as a values file to fill in, instead of filling' },
    force: { type: 'boolean', description: 'replace the --out file when it exists' },
    content: CONTENT_OPTION,
  },
  env: ['PLEXUS_CONTENT', 'PLEXUS_TODAY'],
  async run({ values: options, positionals }, io) {
    const templatePath = resolve(io.cwd, positionals[0]!);
    const template = relative(io.cwd, templatePath);
    const source = await readText(templatePath, io, 'template');
    const loaded = await loadValidModel(options.content, io);
    if (!loaded) return EXIT.problems;
    const valuesPath = options.values ? resolve(io.cwd, String(options.values)) : undefined;
    const out = options.out ? resolve(io.cwd, String(options.out)) : undefined;
    // Checked before anything is filled, so a refused --out costs nothing and writes nothing.
    if (out) {
      await checkOutputFile(out, {
        cwd: io.cwd,
        registry: loaded.dir,
        inputs: [templatePath, ...(valuesPath ? [valuesPath] : [])],
        force: !!options.force,
        option: '--out',
      });
    }
    const registry = registryValues(loaded.model);
    const diagnostics: Diagnostic[] = [...source.diagnostics];
    const given = valuesPath ? await readValues(valuesPath, io) : undefined;
    diagnostics.push(...(given?.diagnostics ?? []));
    if (source.text === undefined || diagnostics.some((d) => d.severity === 'error')) {
      for (const d of diagnostics) io.err(formatDiagnostic(d));
      return EXIT.problems;
    }

    const placeholders = scanPlaceholders(source.text);
    if (options.list) {
      io.out(skeleton(template, placeholders, registry).trimEnd());
      return EXIT.ok;
    }
    const values = new Map([...registry, ...(given?.values ?? [])]);
    const result = fillPlaceholders(source.text, values);
    for (const { placeholder: p, value } of result.badChoices) {
      diagnostics.push(diagnostic('BadChoice', template, p, { value, raw: p.raw, choices: p.choices }));
    }
    for (const { placeholder: p, value, reason } of result.unsafe) {
      diagnostics.push(diagnostic('UnsafeValue', template, p, { value, raw: p.raw, reason }));
    }
    const bad = new Set(result.unsafe.map((b) => b.placeholder));
    for (const p of result.unfilled.filter((u) => !bad.has(u))) {
      diagnostics.push(diagnostic('UnfilledPlaceholder', template, p, { raw: p.raw, key: p.key, upper: p.kind === 'upper', template }));
    }
    if (given?.values) {
      const keys = new Set(placeholders.map((p) => p.key));
      const occurrences = (key: string) => placeholders.filter((p) => p.key === key).length;
      for (const key of given.values.keys()) {
        const numbered = /^(.*)#(\d+)$/.exec(key);
        if (keys.has(key) || (numbered && keys.has(numbered[1]!) && Number(numbered[2]) >= 1 && Number(numbered[2]) <= occurrences(numbered[1]!))) continue;
        diagnostics.push(diagnostic('UnusedValue', given.display!, given.locate!([key], 'key'), { key, template, meant: didYouMean(key, keys) }));
      }
    }
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    const total = placeholders.length;
    const filled = result.filled.length;
    const fromValues = result.filled.filter((p) => given?.values?.has(result.keys.get(p)!)).length;
    const sources = [filled - fromValues > 0 && `${filled - fromValues} from the registry`, fromValues > 0 && `${fromValues} from ${given?.display}`]
      .filter(Boolean)
      .join(', ');
    io.err(
      total === 0
        ? `No placeholders in ${template}.`
        : `Filled ${filled} of ${total} placeholder${total === 1 ? '' : 's'} (${Math.floor((filled / total) * 100)}% complete${sources ? `: ${sources}` : ''}); ${total - filled} left. The template's own text is unchanged.`,
    );
    // A strategy document gets the figure the site shows for it, against the blank strategy template.
    const front = splitFrontMatter(template, source.text);
    if (front.yaml !== undefined && parseYamlSource(template, front.yaml).parsed?.data.kind === 'strategy') {
      const body = splitFrontMatter(template, result.text).body;
      io.err(`As a strategy document it is ${completenessText(await strategyCompleteness(loaded.model, body))} (the figure its site page shows).`);
    }
    if (out) {
      await replaceFile(out, result.text);
      io.err(`Wrote ${relative(io.cwd, out)}.`);
    } else {
      io.out(result.text.replace(/\n$/, ''));
    }
    if (result.unsafe.length > 0) return EXIT.problems;
    return options.strict && (result.unfilled.length > 0 || result.badChoices.length > 0) ? EXIT.problems : EXIT.ok;
  },
};
