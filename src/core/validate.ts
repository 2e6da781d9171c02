import type { z } from 'zod';
import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';
import { FORMAT_CODES } from './schemas/common.ts';
import type { ParsedYaml } from './source.ts';
import { didYouMean } from './suggest.ts';

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

/** `health.uptime`, `to[0]`: a path as the user wrote it in YAML. */
export function formatPath(path: Path): string {
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${String(s)}` : String(s)), '');
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'null',
};

/** The schema found by following `path` into `schema`, looking through optional, default and list wrappers. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined => {
    let def = s?._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] } | undefined;
    while (def && ['optional', 'default', 'nullable', 'prefault', 'pipe'].includes(def.type)) {
      // A pipe (a value normalised after parsing, as an event's consumers are) is read as what is written.
      s = def.type === 'pipe' ? def.in : def.innerType;
      def = s?._zod.def as typeof def;
    }
    if (def?.type === 'union') return def.options!.map((o) => unwrap(o)).find((o) => o && ['object', 'array'].includes(o._zod.def.type));
    return s;
  };
  for (const segment of path) {
    const s = unwrap(current);
    const def = s?._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } | undefined;
    if (def?.type === 'object' && typeof segment === 'string') current = def.shape![segment];
    else if (def?.type === 'array' && typeof segment === 'number') current = def.element;
    else return undefined;
  }
  return unwrap(current);
}

function keysAt(schema: z.ZodType, path: Path): string[] {
  const s = schemaAt(schema, path);
  const def = s?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape!) : [];
}

function descriptionAt(schema: z.ZodType, path: Path): string | undefined {
  let s: z.ZodType | undefined = schema;
  // Descriptions sit on the outermost wrapper, so look before unwrapping the last step.
  if (path.length > 0) s = schemaAt(schema, path.slice(0, -1));
  const def = s?._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } | undefined;
  const last = path[path.length - 1];
  // An item of a list is described by the list's element schema (an event's consumers name both forms they take).
  const field =
    def?.type === 'object' && typeof last === 'string' ? def.shape![last] : def?.type === 'array' && typeof last === 'number' ? def.element : undefined;
  return field?.description;
}

/** A misspelt key also leaves its real field missing: keep the typo only. `base` is where the issues' paths start. */
function withoutMisspelt(issues: Issue[], base: Path, schema: z.ZodType): Issue[] {
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = keysAt(schema, [...base, ...issue.path]);
    for (const key of issue.keys) {
      const meant = didYouMean(key, allowed);
      if (meant !== undefined) misspelt.add(formatPath([...issue.path, meant]));
    }
  }
  return issues.filter((issue) => !(issue.code === 'invalid_type' && misspelt.has(formatPath(issue.path))));
}

/** Turns one zod issue into diagnostics placed at the offending key or value. */
function issueDiagnostics(issue: Issue, base: Path, schema: z.ZodType, file: string, parsed: ParsedYaml, what: string): Diagnostic[] {
  const path = [...base, ...issue.path];
  const name = formatPath(path);
  const value = valueAt(parsed.data, path);
  const here = parsed.locate(path, 'value');

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path);
      const within = name ? `"${name}"` : `this ${what}`;
      return issue.keys.map((key) =>
        diagnostic('UnknownKey', file, parsed.locate([...path, key], 'key'), { key, within, meant: didYouMean(key, allowed), allowed }),
      );
    }
    case 'invalid_type': {
      if (value === undefined) {
        const field = String(path[path.length - 1]);
        return [diagnostic('MissingField', file, parsed.locate(path.slice(0, -1), 'key'), { name, what, field, description: descriptionAt(schema, path) })];
      }
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const written = parsed.raw(path) ?? String(value);
      const quote =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? { written, as: typeof value === 'number' ? 'a number' : 'true or false' }
          : undefined;
      return [diagnostic('WrongType', file, here, { name, expected, actual: describeValue(value), quote, description: descriptionAt(schema, path) })];
    }
    case 'invalid_value': {
      // A required choice left out is missing, as any required field is: not "the value undefined is not a valid …".
      if (value === undefined) {
        const field = String(path[path.length - 1]);
        return [diagnostic('MissingField', file, parsed.locate(path.slice(0, -1), 'key'), { name, what, field, description: descriptionAt(schema, path) })];
      }
      const choices = issue.values.map(String);
      const shown = choices.length === 1 ? describeValue(value) : describeValue(value).replace(/^the text /, '');
      return [diagnostic('InvalidChoice', file, here, { name, value: shown, choices, meant: didYouMean(String(value), choices) })];
    }
    case 'invalid_format': {
      const code = issue.format === 'date' ? 'InvalidDate' : (issue.pattern && FORMAT_CODES.get(issue.pattern)) || 'InvalidValue';
      return [diagnostic(code, file, here, { value: JSON.stringify(value), name, rule: issue.message })];
    }
    case 'invalid_union': {
      // Report the branch whose shape matches what was written (a list for a list branch, a mapping for a mapping branch, …).
      const mismatch = (e: Issue) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_value');
      const branch = issue.errors.find((errors) => errors.length > 0 && !errors.some(mismatch));
      if (branch) return withoutMisspelt(branch, path, schema).flatMap((e) => issueDiagnostics(e, path, schema, file, parsed, what));
      // A value and the word `unknown` (a version, a date): report the value's own mistake.
      const all = issue.errors.flat();
      const format = all.find((e) => e.code === 'invalid_format');
      const text = all.find((e) => e.code === 'invalid_type' && e.expected === 'string');
      if (format) return issueDiagnostics(format, path, schema, file, parsed, what);
      if (text && (typeof value === 'number' || typeof value === 'boolean')) return issueDiagnostics(text, path, schema, file, parsed, what);
      const options = issue.errors
        .map((errors) => errors[0])
        .map((e) =>
          e?.code === 'invalid_value'
            ? `"${e.values.map(String).join('", "')}"`
            : e?.code === 'invalid_type'
              ? (EXPECTED[e.expected] ?? e.expected)
              : 'another form',
        );
      return [
        diagnostic('WrongType', file, here, { name, expected: options.join(' or '), actual: describeValue(value), description: descriptionAt(schema, path) }),
      ];
    }
    case 'too_small':
    case 'too_big': {
      const description = descriptionAt(schema, path);
      if (issue.origin === 'string' && issue.code === 'too_small' && Number(issue.minimum) === 1)
        return [diagnostic('InvalidValue', file, here, { empty: name, description })];
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      const unit =
        issue.origin === 'array'
          ? ` item${Number(issue.code === 'too_small' ? issue.minimum : issue.maximum) === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? ' characters'
            : '';
      return [diagnostic('InvalidValue', file, here, { name, bound: `${bound}${unit}`, actual: describeValue(value), description })];
    }
    default:
      return [diagnostic('InvalidValue', file, here, { name, reason: issue.message, description: descriptionAt(schema, path) })];
  }
}

/** Validates parsed YAML against a schema; mistakes come back as diagnostics at their source positions. */
export function validate<S extends z.ZodType>(schema: S, file: string, parsed: ParsedYaml, what: string): { value?: z.output<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(parsed.data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const issues = withoutMisspelt(result.error.issues, [], schema);
  return { diagnostics: issues.flatMap((issue) => issueDiagnostics(issue, [], schema, file, parsed, what)) };
}
