import type { Diagnostic, Position } from './diagnostics.ts';

/**
 * Every diagnostic Plexus can report, as data: the one place for each code's severity, title,
 * message and hint (the README's table is generated from it). Codes never change once published.
 * Messages say what happened; hints say what to do. Arguments are the facts of one occurrence.
 */
interface Entry<A> {
  code: string;
  severity: Diagnostic['severity'];
  /** A few words on what happened, for the README's table. */
  title: string;
  message: (a: A) => string;
  hint?: (a: A) => string | undefined;
}
const entry = <A = Record<string, never>>(e: Entry<A>): Entry<A> => e;

const an = (word: string) => (/^[aeiou]/.test(word) ? 'An' : 'A');
const suggestion = (meant: string | undefined) => (meant === undefined ? '' : ` Did you mean "${meant}"?`);

export const CODES = {
  YamlSyntax: entry<{ unclosedQuote: '"' | "'" } | { multipleDocuments: true } | { reason: string }>({
    code: 'PLX001',
    severity: 'error',
    title: 'YAML syntax error (an unclosed quote points at the quote)',
    message: (a) =>
      'unclosedQuote' in a
        ? `This ${a.unclosedQuote === '"' ? 'double' : 'single'} quote is never closed.`
        : 'multipleDocuments' in a
          ? 'The file holds more than one YAML document.'
          : `${a.reason}.`.replace(/\.\.$/, '.'),
    hint: (a) =>
      'unclosedQuote' in a
        ? `Close it with ${a.unclosedQuote} at the end of the value, or remove it.`
        : 'multipleDocuments' in a
          ? 'Keep one entity per file; remove the extra `---` separator.'
          : 'Check the indentation and quoting on this line and the one before it.',
  }),
  DuplicateKey: entry<{ key: string }>({
    code: 'PLX002',
    severity: 'error',
    title: 'the same key twice in one mapping',
    message: (a) => `Key "${a.key}" appears more than once in this mapping.`,
    hint: () => 'YAML keeps only one of them; merge the two entries or rename one.',
  }),
  TabIndent: entry({
    code: 'PLX003',
    severity: 'error',
    title: 'a tab used for indentation',
    message: () => 'A tab is used for indentation; YAML allows only spaces.',
    hint: () => 'Replace the tab with spaces (your editor can convert indentation to spaces).',
  }),
  AliasBomb: entry<{ limit: number }>({
    code: 'PLX004',
    severity: 'error',
    title: 'aliases that expand to more than 100 nodes',
    message: (a) => `Aliases expand to more than ${a.limit} nodes, the most one file may use.`,
    hint: () => 'Repeat the values instead of nesting aliases; a registry file should read plainly.',
  }),
  EmptyFile: entry({
    code: 'PLX005',
    severity: 'error',
    title: 'an empty file',
    message: () => 'The file is empty.',
    hint: () => 'Add the fields for this entity, or delete the file.',
  }),
  NotMapping: entry<{ list: boolean }>({
    code: 'PLX006',
    severity: 'error',
    title: 'a file that holds a list or a single value, not a mapping',
    message: (a) => `The file holds ${a.list ? 'a list' : 'a single value'}, not a mapping of keys to values.`,
    hint: () => 'Each registry file describes one entity as `key: value` lines.',
  }),
  NotUtf8: entry<{ byte: string }>({
    code: 'PLX007',
    severity: 'error',
    title: "bytes that are not UTF-8 (with the byte's line and column)",
    message: (a) => `Byte 0x${a.byte} is not valid UTF-8.`,
    hint: () => 'Save the file as UTF-8 (editors call it "UTF-8" or "UTF-8 without BOM").',
  }),
  FileTooLarge: entry<{ size: string; limit?: string }>({
    code: 'PLX008',
    severity: 'error',
    title: 'a file over 1 MiB',
    message: (a) => `File is ${a.size}; the limit is ${a.limit ?? '1 MiB'}.`,
    hint: () => 'Split it into one file per entity; large payload examples belong in a linked document.',
  }),
  UnknownFile: entry<{ path: string; folders: string[] }>({
    code: 'PLX009',
    severity: 'warning',
    title: 'a YAML file outside the registry layout',
    message: (a) => `"${a.path}" is not part of the registry layout and was not read.`,
    hint: (a) => `Entity files go in ${a.folders.join('/, ')}/ or docs/; the ecosystem in ecosystem.yaml.`,
  }),
  UnknownKey: entry<{ key: string; within: string; meant?: string; allowed: string[] }>({
    code: 'PLX010',
    severity: 'error',
    title: 'an unknown key, with "did you mean"',
    message: (a) => `Unknown key "${a.key}" in ${a.within}.${suggestion(a.meant)}`,
    hint: (a) => `Allowed keys: ${a.allowed.join(', ')}.`,
  }),
  MissingField: entry<{ name: string; what: string; field: string; description?: string }>({
    code: 'PLX011',
    severity: 'error',
    title: 'a missing required field',
    message: (a) => `Missing required field "${a.name}" in this ${a.what}.`,
    hint: (a) => (a.description ? `Add \`${a.field}:\`. ${a.description}` : `Add \`${a.field}:\`.`),
  }),
  UnknownReference: entry<{ kind: string; id: string; meant?: string; known: number; folder: string; suffix: string }>({
    code: 'PLX012',
    severity: 'error',
    title: 'a reference to a repository, team, event, pattern, integration or document that does not exist',
    message: (a) => `Unknown ${a.kind} "${a.id}".${suggestion(a.meant)}`,
    hint: (a) =>
      a.known === 0
        ? `There are no ${a.kind} files yet; create ${a.folder}${a.id}${a.suffix}.`
        : `${an(a.kind)} ${a.kind} id is a file name in ${a.folder} (${a.known} known); fix the id or create ${a.folder}${a.id}${a.suffix}.`,
  }),
  InvalidChoice: entry<{ name: string; value: string; choices: string[]; meant?: string }>({
    code: 'PLX013',
    severity: 'error',
    title: 'a value outside the allowed choices (type, status, auth, delivery…)',
    message: (a) =>
      a.choices.length === 1 ? `"${a.name}" must be "${a.choices[0]}", not ${a.value}.` : `${a.value} is not a valid "${a.name}".${suggestion(a.meant)}`,
    hint: (a) => (a.choices.length === 1 ? undefined : `Choose one of: ${a.choices.join(', ')}.`),
  }),
  WrongType: entry<{ name: string; expected: string; actual: string; quote?: { written: string; as: string }; description?: string }>({
    code: 'PLX014',
    severity: 'error',
    title: 'a value of the wrong type (text where a number belongs, an unquoted version)',
    message: (a) => `"${a.name}" should be ${a.expected}, not ${a.actual}.`,
    hint: (a) => (a.quote ? `Quote it: "${a.quote.written}" (YAML reads ${a.quote.written} as ${a.quote.as}).` : a.description),
  }),
  InvalidDate: entry<{ value: string; name: string; rule?: string }>({
    code: 'PLX015',
    severity: 'error',
    title: 'an invalid date (`YYYY-MM-DD`)',
    message: (a) => `Invalid date ${a.value} in "${a.name}".`,
    hint: (a) => a.rule,
  }),
  InvalidVersion: entry<{ value: string; name: string; rule?: string }>({
    code: 'PLX016',
    severity: 'error',
    title: 'an invalid semantic version (`1.2.0`)',
    message: (a) => `Invalid version ${a.value} in "${a.name}".`,
    hint: (a) => a.rule,
  }),
  InvalidUrl: entry<{ value: string; name: string; rule?: string }>({
    code: 'PLX017',
    severity: 'error',
    title: 'a URL that is neither http(s) nor relative',
    message: (a) => `Invalid URL ${a.value} in "${a.name}".`,
    hint: (a) => a.rule,
  }),
  InvalidValue: entry<
    | { empty: string; description?: string }
    | { name: string; bound: string; actual: string; description?: string }
    | { name: string; value: string; rule?: string }
    | { name: string; reason: string; description?: string }
  >({
    code: 'PLX018',
    severity: 'error',
    title: 'a value out of range or empty',
    message: (a) =>
      'empty' in a
        ? `"${a.empty}" must not be empty.`
        : 'bound' in a
          ? `"${a.name}" must be ${a.bound}, not ${a.actual}.`
          : 'value' in a
            ? `Invalid value ${a.value} in "${a.name}".`
            : `Invalid value for "${a.name}": ${a.reason}.`,
    hint: (a) => ('rule' in a ? a.rule : 'description' in a ? a.description : undefined),
  }),
  InvalidId: entry<{ fileName: string } | { documentPath: string } | { value: string; name: string; rule?: string }>({
    code: 'PLX019',
    severity: 'error',
    title: 'an invalid id, in a file name, a document path or a reference',
    message: (a) =>
      'fileName' in a
        ? `File name "${a.fileName}" is not a valid id.`
        : 'documentPath' in a
          ? `Document path "${a.documentPath}" is not a valid document id.`
          : `Invalid id ${a.value} in "${a.name}".`,
    hint: (a) =>
      'fileName' in a
        ? 'Ids come from file names: lowercase letters, digits, ".", "_" and "-", e.g. "orders-to-payments.yaml".'
        : 'documentPath' in a
          ? 'Each folder and file name under docs/ uses letters, digits, ".", "_" and "-" and starts with a letter or digit, e.g. "guides/cross-app-authentication.md"; rename it.'
          : a.rule,
  }),
  DuplicateId: entry<{ kind: string; id: string; previous: string }>({
    code: 'PLX020',
    severity: 'error',
    title: 'two files with the same id',
    message: (a) => `Duplicate ${a.kind} id "${a.id}"; ${a.previous} already defines it.`,
    hint: () => 'Ids come from file names and must be unique within a folder; rename one of the files.',
  }),
  MissingEcosystem: entry<{ folder: string }>({
    code: 'PLX021',
    severity: 'error',
    title: 'no `ecosystem.yaml`',
    message: (a) => `No ecosystem.yaml in ${a.folder}.`,
    hint: () => 'Every registry needs one: it names the ecosystem and its policies. `plexus new` can scaffold the rest.',
  }),
  EventMismatch: entry<
    | { integration: string; event: string; from: string; eventFile: string; notProducer: true }
    | { integration: string; event: string; to: string; eventFile: string; notConsumer: true }
    | { producer: string; event: string }
    | { consumer: string; event: string }
  >({
    code: 'PLX022',
    severity: 'error',
    title: "an event's producers or consumers disagree with the integrations that carry it",
    message: (a) =>
      'notProducer' in a
        ? `Integration "${a.integration}" carries "${a.event}" from "${a.from}", but the event does not list "${a.from}" as a producer.`
        : 'notConsumer' in a
          ? `Integration "${a.integration}" delivers "${a.event}" to "${a.to}", but the event does not list "${a.to}" as a consumer.`
          : 'producer' in a
            ? `"${a.producer}" is listed as a producer of "${a.event}", but no integration carries "${a.event}" from "${a.producer}".`
            : `"${a.consumer}" is listed as a consumer of "${a.event}", but no integration delivers "${a.event}" to it.`,
    hint: (a) =>
      'notProducer' in a
        ? `Add "${a.from}" to producers in ${a.eventFile}, or remove the event from this integration.`
        : 'notConsumer' in a
          ? `Add a consumer { repository: ${a.to}, handling: … } in ${a.eventFile}, or remove the event from this integration.`
          : 'producer' in a
            ? `Add "${a.event}" to the events of an integration from "${a.producer}", or remove the producer.`
            : `Add "${a.event}" to the events of an integration to "${a.consumer}", or remove the consumer.`,
  }),
  SelfIntegration: entry<{ integration: string; repository: string }>({
    code: 'PLX023',
    severity: 'error',
    title: 'a repository listed as a consumer of its own integration',
    message: (a) => `"${a.repository}" provides "${a.integration}" and is listed as its consumer too.`,
    hint: () => 'An integration connects two repositories; describe internal structure as monorepo packages instead.',
  }),
  BadFrontMatter: entry<{ unclosed: boolean }>({
    code: 'PLX024',
    severity: 'error',
    title: 'a document without (closed) front matter',
    message: (a) => (a.unclosed ? 'The front matter is never closed.' : 'The document has no front matter.'),
    hint: (a) =>
      a.unclosed ? 'End it with a line holding only `---`.' : 'Start the file with a `---` block holding title, purpose, status, version and authors.',
  }),
  UnknownWikiLink: entry<{ target: string }>({
    code: 'PLX025',
    severity: 'warning',
    title: 'a `[[wiki link]]` that names nothing in the registry',
    message: (a) => `[[${a.target}]] names no document, repository, integration, protocol or pattern.`,
    hint: () => 'Wiki links resolve against document ids (paths under docs/ or file names) and entity ids; fix the target or write a plain link.',
  }),
  UnreadableFile: entry<{ path: string; reason: string }>({
    code: 'PLX026',
    severity: 'error',
    title: 'a file that cannot be read (permissions, an I/O error)',
    message: (a) => `"${a.path}" cannot be read: ${a.reason}.`,
    hint: () => "Check the file's permissions (Plexus needs to read every file in the registry), or remove it.",
  }),
  NotRegularFile: entry<{ path: string; is: 'link-out' | 'dangling' | 'special' }>({
    code: 'PLX027',
    severity: 'error',
    title: 'not a regular file inside the registry: a link that leads out, a dangling link, a pipe or device',
    message: (a) =>
      a.is === 'link-out'
        ? `"${a.path}" is a symbolic link that leads out of the registry folder; it was not read.`
        : a.is === 'dangling'
          ? `"${a.path}" is a symbolic link to nothing.`
          : `"${a.path}" is not a regular file (a pipe, socket or device); it was not read.`,
    hint: (a) =>
      a.is === 'link-out'
        ? 'Copy the file into the registry instead of linking to it: Plexus reads only files inside the registry.'
        : a.is === 'dangling'
          ? 'Remove the link, or put the file itself in the registry.'
          : 'Remove it from the registry folder.',
  }),
  MdxNotAllowed: entry<{ path: string }>({
    code: 'PLX028',
    severity: 'error',
    title: 'an `.mdx` document in a registry that has not opted in to MDX (`mdx: true`)',
    message: (a) => `"${a.path}" is MDX, which runs as code when the site is built, and this registry has not opted in to MDX.`,
    hint: () =>
      'Rename it to .md if it needs no code; or, once the maintainers accept that documents run as code (README: Security model), set `mdx: true` in ecosystem.yaml.',
  }),
  MdxSyntax: entry<{ reason: string }>({
    code: 'PLX029',
    severity: 'error',
    title: 'an `.mdx` document that does not compile',
    message: (a) => `The MDX does not compile: ${a.reason}`,
    hint: () => 'MDX reads `{`, `}` and `<` as code; escape them as `\\{`, `\\}` and `&lt;` in prose, and close every element.',
  }),
  OverdueReview: entry<{ registryDue: string } | { docset: string; frequency: string; lastReview: string; due: string }>({
    code: 'PLX030',
    severity: 'warning',
    title: 'a review overdue: a documentation set past its frequency, or the registry past `nextReview`',
    message: (a) =>
      'registryDue' in a
        ? `The registry review was due on ${a.registryDue}.`
        : `"${a.docset}" is reviewed ${a.frequency}; its last review (${a.lastReview}) made it due on ${a.due}.`,
    hint: (a) =>
      'registryDue' in a
        ? 'Review the registry, then set lastUpdated to today and nextReview to the next date.'
        : 'Review the documentation set and set lastReview to the date you did.',
  }),
  ShortDeprecationNotice: entry<{ sunset: string; months: number; announced: string; policy: number; earliest: string }>({
    code: 'PLX031',
    severity: 'warning',
    title: 'a deprecation whose sunset gives less notice than `policies.deprecationNoticeMonths`',
    message: (a) => `Sunset ${a.sunset} gives ${a.months} months' notice after ${a.announced}; the policy asks for ${a.policy}.`,
    hint: (a) => `Move the sunset to ${a.earliest} or later (policies.deprecationNoticeMonths in ecosystem.yaml).`,
  }),
  DeprecationMissing: entry<{ integration: string }>({
    code: 'PLX032',
    severity: 'error',
    title: 'a deprecated integration without `lifecycle.deprecation`',
    message: (a) => `Integration "${a.integration}" is deprecated but says nothing of its deprecation.`,
    hint: () => 'Add lifecycle.deprecation with announced, sunset and migration, so consumers know when and how to move.',
  }),
  SunsetPassed: entry<{ integration: string; sunset: string; status: string }>({
    code: 'PLX033',
    severity: 'warning',
    title: 'a sunset date that has passed while the integration is not retired',
    message: (a) => `Integration "${a.integration}" passed its sunset on ${a.sunset} but is still ${a.status}.`,
    hint: () => 'Retire it (status: retired) or move the sunset date.',
  }),
  DateOrder: entry<{ sunset: string; announced: string }>({
    code: 'PLX034',
    severity: 'error',
    title: 'a sunset before its announcement',
    message: (a) => `Sunset ${a.sunset} comes before the announcement ${a.announced}.`,
    hint: () => 'Check both dates.',
  }),
  UnusedEvent: entry<{ event: string }>({
    code: 'PLX035',
    severity: 'warning',
    title: 'an event that no integration carries',
    message: (a) => `Event "${a.event}" is carried by no integration.`,
    hint: () => 'List it under `events:` of the integration that delivers it, or delete the event if it is gone.',
  }),
  RenamedKey: entry<{ old: string; now: string; meaning: string }>({
    code: 'PLX036',
    severity: 'error',
    title: 'a key that was renamed (`from`/`to` of an integration are now `provider`/`consumers`)',
    message: (a) => `"${a.old}" is now "${a.now}".`,
    hint: (a) => `Rename \`${a.old}:\` to \`${a.now}:\`, keeping its value: ${a.now} ${a.now.endsWith('s') ? 'are' : 'is'} ${a.meaning}.`,
  }),
  RoleContradiction: entry<{ integration: string; provider: string; consumer: string; step: number; type: string } | { integration: string; twice: string }>({
    code: 'PLX037',
    severity: 'error',
    title: 'roles that contradict each other: steps in which the provider calls a consumer, a consumer listed twice',
    message: (a) =>
      'twice' in a
        ? `"${a.twice}" is listed twice as a consumer of "${a.integration}".`
        : `Step ${a.step} of "${a.integration}" has the provider "${a.provider}" send a request to its consumer "${a.consumer}"; in a ${a.type} integration consumers call the provider.`,
    hint: (a) =>
      'twice' in a
        ? 'List each consumer once.'
        : `If "${a.consumer}" serves the API, make it the provider and "${a.provider}" a consumer; if the step is an answer, mark it \`reply: true\`.`,
  }),
  RequiredField: entry<{ field: string; kind: string; id: string; written: boolean } | { unknownField: string; kind: string; meant?: string }>({
    code: 'PLX038',
    severity: 'error',
    title: "a field the registry's `policies.require` asks for is not recorded",
    message: (a) =>
      'unknownField' in a
        ? `policies.require names "${a.unknownField}", which no ${a.kind} has.${suggestion(a.meant)}`
        : `${an(a.kind)} ${a.kind} must record "${a.field}" (policies.require), and "${a.id}" ${a.written ? 'says it is unknown' : 'does not'}.`,
    hint: (a) =>
      'unknownField' in a
        ? 'Name fields as the schema spells them.'
        : `Find out and write \`${a.field}:\`; if it truly cannot be known, take "${a.field}" out of policies.require in ecosystem.yaml.`,
  }),
  // Rendering and `plexus fill` (PLX040 and up): reported by those commands, not by `check`.
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
  CatalogEntity: entry<{ missing: string }>({
    code: 'PLX045',
    severity: 'error',
    title: 'a Backstage catalog entity without apiVersion, kind or metadata.name (`plexus import backstage`)',
    message: (a) => `This catalog entity has no ${a.missing}.`,
    hint: () => 'Every Backstage entity needs apiVersion, kind and metadata.name; fix the entity or remove it.',
  }),
  CatalogKind: entry<{ kind: string; known: string[]; meant?: string }>({
    code: 'PLX046',
    severity: 'error',
    title: 'a catalog entity of a kind Backstage does not define (`plexus import backstage`)',
    message: (a) => `"${a.kind}" is not a Backstage kind.${suggestion(a.meant)}`,
    hint: (a) => `Kinds read: ${a.known.join(', ')}.`,
  }),
  CatalogReference: entry<{ ref: string; field: string }>({
    code: 'PLX047',
    severity: 'error',
    title: 'a catalog relation to an entity that is neither in the catalog nor in the registry (`plexus import backstage`)',
    message: (a) => `${a.field} names ${a.ref}, which is not in the catalog files given or in the registry.`,
    hint: () => 'Add the file that defines it to the import, or correct the reference.',
  }),
  SpecUnreadable: entry<{ reason: string }>({
    code: 'PLX048',
    severity: 'error',
    title: 'an OpenAPI or AsyncAPI document that cannot be read: syntax, a broken $ref, not a spec',
    message: (a) => `${a.reason}.`.replace(/\.\.$/, '.'),
    hint: () => 'Fix the document (a linter such as redocly or the AsyncAPI CLI shows more), then run again.',
  }),
  SpecVersion: entry<{ found: string; supported: string }>({
    code: 'PLX049',
    severity: 'error',
    title: 'a spec of a version Plexus does not read',
    message: (a) => `${a.found} is not a version Plexus reads.`,
    hint: (a) => `Supported: ${a.supported}.`,
  }),
  SpecNotFound: entry<{ path: string }>({
    code: 'PLX050',
    severity: 'error',
    title: 'a `spec` or `asyncapi` path that names no file in the registry',
    message: (a) => `There is no spec file ${a.path} in the registry.`,
    hint: () => 'Spec paths are relative to the registry folder, e.g. specs/orders-api.yaml; or give an http(s) URL.',
  }),
  DriftNotInSpec: entry<{ what: string; spec: string }>({
    code: 'PLX051',
    severity: 'warning',
    title: 'drift: the registry declares an operation or event that its spec does not have',
    message: (a) => `${a.what} is declared here but is not in ${a.spec}.`,
    hint: () => 'Remove it from the registry if it is gone, or add it to the spec; policies.drift in ecosystem.yaml sets how this is reported.',
  }),
  DriftNotDeclared: entry<{ what: string; registry: string }>({
    code: 'PLX052',
    severity: 'warning',
    title: 'drift: a spec has an operation or message that the registry does not declare',
    message: (a) => `${a.what} is in this spec but not declared in ${a.registry}.`,
    hint: () => 'Declare it in the registry (plexus import updates what an import owns), or remove it from the spec.',
  }),
  DriftAuth: entry<{ declared: string; spec: string; schemes: string }>({
    code: 'PLX053',
    severity: 'warning',
    title: 'drift: auth declared differently from the security of the spec',
    message: (a) => `auth is ${a.declared} here, but ${a.spec} says ${a.schemes}.`,
    hint: () => 'Make auth match the security schemes the spec requires, or correct the spec.',
  }),
  DriftConsumer: entry<{ repository: string; event: string; spec: string }>({
    code: 'PLX054',
    severity: 'warning',
    title: 'drift: a consumer declared for an event its AsyncAPI document does not receive',
    message: (a) => `${a.repository} is declared a consumer of ${a.event}, but its AsyncAPI document ${a.spec} does not receive it.`,
    hint: () => 'Remove the consumer if it no longer listens, or add the receive operation to its AsyncAPI document.',
  }),
} as const;

export type CodeName = keyof typeof CODES;
type ArgsOf<N extends CodeName> = Parameters<(typeof CODES)[N]['message']>[0];

/** A diagnostic of the kind `name`, at `at` in `file`, worded by the catalogue from `args`. */
export function diagnostic<N extends CodeName>(
  name: N,
  file: string,
  at: Position,
  ...args: ArgsOf<N> extends Record<string, never> ? [] : [ArgsOf<N>]
): Diagnostic {
  const e = CODES[name] as Entry<ArgsOf<N>>;
  const a = (args[0] ?? {}) as ArgsOf<N>;
  const d: Diagnostic = { code: e.code, severity: e.severity, file, line: at.line, col: at.col, message: e.message(a) };
  const hint = e.hint?.(a);
  if (hint !== undefined) d.hint = hint;
  return d;
}

/** The README's table of codes, generated from the catalogue (a test keeps the README in step). */
export function codesTable(): string {
  const rows = Object.values(CODES).map((c) => `| ${c.code} | ${c.severity} | ${c.title} |`);
  return ['| code | severity | what happened |', '|---|---|---|', ...rows].join('\n');
}
