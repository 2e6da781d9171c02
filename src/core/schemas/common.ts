import { z } from 'zod';

/**
 * Formats shared by every schema. Each regex is also a key in `FORMAT_CODES`, so a failed
 * match becomes a specific diagnostic (PLX016 for a version, PLX017 for a URL, …).
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** A document id: its path under `docs/` without the extension, e.g. `guides/cross-app-authentication`. */
export const DOC_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
export const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** http(s) URLs, or relative paths and anchors: never `javascript:`, `data:` or other schemes. */
export const URL_PATTERN = /^(?:https?:\/\/[^\s/$.?#][^\s]*|(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^\s]+)$/;
export const HTTPS_URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/;
/** `2024-12-07 08:00` or `2024-12-07T08:00`, as change logs write moments. */
export const DATETIME_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]([01]\d|2[0-3]):[0-5]\d)?$/;

export const FORMAT_CODES = new Map<string, 'InvalidId' | 'InvalidVersion' | 'InvalidUrl' | 'InvalidDate'>([
  [String(ID_PATTERN), 'InvalidId'],
  [String(DOC_ID_PATTERN), 'InvalidId'],
  [String(SEMVER_PATTERN), 'InvalidVersion'],
  [String(URL_PATTERN), 'InvalidUrl'],
  [String(HTTPS_URL_PATTERN), 'InvalidUrl'],
  [String(DATETIME_PATTERN), 'InvalidDate'],
]);

/** What a field holds when the registry does not know its value: honest, and shown as "not recorded". */
export const UNKNOWN = 'unknown';

/** An entity id: lowercase letters, digits, `.`, `_` and `-`; a file's name without `.yaml`. */
export const Id = z.string().regex(ID_PATTERN, { error: 'Ids use lowercase letters, digits, ".", "_" and "-", e.g. "orders-api".' });

/** A reference to another entity by id; which kind is checked when the registry is resolved. */
export const Ref = (kind: string) => Id.describe(`Id of a ${kind}.`);

/** A reference to a registry document by its path under `docs/` without extension. */
export const DocRef = z
  .string()
  .regex(DOC_ID_PATTERN, { error: 'Document ids are paths under docs/ without extension, e.g. "guides/cross-app-authentication".' })
  .describe('Id of a document: its path under docs/ without extension.');

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({ error: 'Dates are written YYYY-MM-DD, e.g. 2025-07-24.' });

/** A date with an optional time, `YYYY-MM-DD` or `YYYY-MM-DD HH:mm`. */
export const DateTime = z.string().regex(DATETIME_PATTERN, { error: 'Write YYYY-MM-DD or YYYY-MM-DD HH:mm, e.g. 2024-12-07 08:00.' });

/** A semantic version, `MAJOR.MINOR.PATCH`. */
export const SemVer = z.string().regex(SEMVER_PATTERN, { error: 'Versions are semantic versions such as "1.2.0" (quote them in YAML).' });

/** An http(s) URL or a relative path such as `guides/auth.md`. */
export const Link = z.string().regex(URL_PATTERN, { error: 'Use an http(s) URL or a relative path.' });

/** An absolute http(s) URL. */
export const WebUrl = z.string().regex(HTTPS_URL_PATTERN, { error: 'Use an absolute http(s) URL, e.g. https://github.com/acme/api.' });

/** A non-empty line of text. */
export const Text = z.string().trim().min(1, { error: 'Must not be empty.' });

/** A percentage, 0 to 100. */
export const Percent = z.number().min(0).max(100);

/** Contact details of a person or rota. */
export const Contacts = z.strictObject({
  email: z.email().optional().describe('Email address, e.g. "core@eventful.example".'),
  chat: Text.optional().describe('Chat channel, e.g. "#core-platform".'),
  onCall: Text.optional().describe('On-call rota or pager, e.g. "PagerDuty: core-primary".'),
});
export type Contacts = z.output<typeof Contacts>;

/** One entry in a change log. */
export const ChangeEntry = z.strictObject({
  date: DateTime.describe('When, `YYYY-MM-DD` or `YYYY-MM-DD HH:mm`.'),
  version: SemVer.optional().describe('Version this change produced, e.g. "1.1.0".'),
  author: Text.optional().describe('Who made the change.'),
  summary: Text.describe('What changed, one line, e.g. "Initial integration setup".'),
  details: z.array(Text).optional().describe('Further points, one line each.'),
});
export type ChangeEntry = z.output<typeof ChangeEntry>;

const ImportRecord = z.strictObject({
  from: z.enum(['backstage', 'openapi', 'asyncapi']).describe('The kind of source: backstage, openapi or asyncapi.'),
  source: Text.describe('The file or URL it was imported from, relative to the registry folder, e.g. "../catalog/catalog-info.yaml".'),
  ref: Text.describe('What in that source, e.g. "component:default/orders" or "openapi 3.1.0: Orders API".'),
  fields: z
    .array(Text)
    .describe(
      'Fields this import writes and updates on the next run; every other field is hand-written and left alone. Remove a field here to take it over by hand.',
    ),
});
export type ImportRecord = z.output<typeof ImportRecord>;

/** Where an imported entity came from and which of its fields each import owns (`plexus import`). */
export const Imported = z
  .union([ImportRecord, z.array(ImportRecord).min(1)])
  .optional()
  .describe(
    'Written by plexus import: where this entity came from and which fields the import owns; a list when several imports feed it (a Backstage API and its OpenAPI document).',
  );

/** The import records of an entity, one per source. */
export const importRecords = (imported: ImportRecord | ImportRecord[] | undefined): ImportRecord[] =>
  imported === undefined ? [] : Array.isArray(imported) ? imported : [imported];
