// What the files say: schemas, references, events, reviews, policies, documents.
import { an, entry, suggestion } from './entry.ts';

export const MODEL_CODES = {
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
    hint: () => 'Every registry needs one: it names the ecosystem and its policies. `plexus init DIR` starts a project with one: copy it here and fill it in.',
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
  DeprecationMissing: entry<{ integration: string; importedFrom?: string }>({
    code: 'PLX032',
    severity: 'error',
    title: 'a deprecated integration without `lifecycle.deprecation`',
    message: (a) =>
      a.importedFrom === undefined
        ? `Integration "${a.integration}" is deprecated but says nothing of its deprecation.`
        : `Integration "${a.integration}" is deprecated, as ${a.importedFrom} says, but nothing says when or how it goes.`,
    hint: (a) =>
      a.importedFrom === undefined
        ? 'Add lifecycle.deprecation with announced, sunset and migration, so consumers know when and how to move.'
        : 'Ask its owners, then add lifecycle.deprecation with announced, sunset and migration; until then this is a warning, since the import could not know them (an error once a person writes the status: remove status from imported.fields).',
    warningWhen: (a) => a.importedFrom !== undefined,
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
  ReservedTeamId: entry<{ file: string }>({
    code: 'PLX060',
    severity: 'error',
    title: 'a team whose id is unknown, which means no team',
    message: () => 'Team id "unknown" is reserved: team: unknown and owner: unknown say no team is known, so they cannot name this team.',
    hint: (a) => `Rename ${a.file} (e.g. to unknown-team.yaml) and the team: and owner: fields that mean this team.`,
  }),
  LifecycleMismatch: entry<{ status: string; phase: string; fits: string[] }>({
    code: 'PLX057',
    severity: 'error',
    title: 'a lifecycle phase that does not fit the status (production in planning)',
    message: (a) => `Phase "${a.phase}" does not fit status "${a.status}".`,
    hint: (a) => `Status ${a.status} goes with phase ${a.fits.join(' or ')}; correct whichever of the two is wrong.`,
  }),
  UnusedEvent: entry<{ event: string }>({
    code: 'PLX035',
    severity: 'warning',
    title: 'an event with consumers that no integration carries',
    message: (a) => `Event "${a.event}" is carried by no integration.`,
    hint: () =>
      'List it under `events:` of the integration that delivers it (`plexus new integration ID --type event --provider REPO` writes one if there is none yet), or delete the event if it is gone.',
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
  UnsafeMermaidConfig: entry<{ what: string; problem: string; outcome?: string; body?: boolean }>({
    code: 'PLX039',
    severity: 'warning',
    title:
      'a mermaid directive, front-matter `config`, style, link or image that could style the drawing, load from elsewhere or run script, removed before drawing',
    message: (a) => `This mermaid ${a.what} ${a.problem}; ${a.outcome ?? 'it was removed'} before the diagram was drawn.`,
    hint: (a) =>
      a.body
        ? 'Style with plain values, such as fill:#f9f or stroke-width:2px, and link to http(s), mailto or relative addresses. CSS that loads (url(), image-set(), @import), images, other links and script callbacks are never kept (README: Security model).'
        : "A diagram may set only plain options, such as theme: 'dark' or flowchart: {curve: 'basis'}. CSS, fonts, theme variables and addresses are never kept (README: Security model).",
  }),
  // Rendering and `plexus fill` (PLX040 and up): reported by those commands, not by `check`.
} as const;
