// `plexus import` and the specs a registry links: catalogs, OpenAPI and AsyncAPI documents, drift.
import { entry, suggestion } from './entry.ts';

export const IMPORTS_CODES = {
  CatalogEntity: entry<{ missing: string }>({
    code: 'PLX045',
    severity: 'warning',
    title: 'a Backstage catalog entity without apiVersion, kind or metadata.name (`plexus import backstage`): skipped; an error with `--strict`',
    message: (a) => `This catalog entity has no ${a.missing}.`,
    hint: () => 'Every Backstage entity needs apiVersion, kind and metadata.name; fix the entity or remove it.',
  }),
  CatalogKind: entry<{ kind: string; known: string[]; meant?: string }>({
    code: 'PLX046',
    severity: 'warning',
    title: 'a catalog entity of a kind Plexus does not read (`plexus import backstage`): skipped; an error with `--strict`',
    message: (a) => `"${a.kind}" is not a kind Plexus reads.${suggestion(a.meant)}`,
    hint: (a) => `Kinds read: ${a.known.join(', ')}.`,
  }),
  CatalogReference: entry<{ ref: string; field: string }>({
    code: 'PLX047',
    severity: 'warning',
    title:
      'a catalog relation to an entity that is neither in the catalog nor in the registry (`plexus import backstage`): not written; an error with `--strict`',
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
  SpecRefRefused: entry<{ target: string; reason: string }>({
    code: 'PLX056',
    severity: 'error',
    title: 'a spec `$ref` to something Plexus does not read: a file outside the registry or in a dot-folder, a link out, a pipe, a URL',
    message: (a) => `This $ref to "${a.target}" is not followed: ${a.reason}.`.replace(/\.\.$/, '.'),
    hint: () =>
      "A $ref may name a regular file inside the registry (specs/…), by a relative path; copy what it needs into the registry. A spec imported from a URL may $ref documents under that URL's origin only. A spec imported from a file may $ref files under its own folder, or under the folder --root names.",
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
