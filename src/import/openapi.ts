// An OpenAPI (or Swagger) document → one integration: its operations, servers, version and auth.
import { type ImportOptions as Options, type ImportResult, stringOption } from './contract.ts';
import { UsageError } from '../cli/io.ts';
import { diagnostic } from '../core/codes.ts';
import { ID_PATTERN, importRecords, SEMVER_PATTERN } from '../core/schemas/index.ts';
import { withScheme } from '../specs/openapi.ts';
import { readSpec, selfContained } from '../specs/read.ts';
import type { Unmapped } from './contract.ts';
import { slugId } from '../core/slug.ts';
import { fetchSpec, firstParagraph, relativeTo, specCopy } from './spec-source.ts';

export async function importOpenApi(input: string, { cwd, contentDir, model, known, values }: Options): Promise<ImportResult> {
  const provider = stringOption(values, 'provider');
  if (!provider) throw new UsageError('plexus import openapi needs --provider REPO: the repository that serves the API.');
  if (!known.has(`repositories/${provider}`)) throw new UsageError(`--provider: there is no repository "${provider}" in the registry.`);
  const owner = stringOption(values, 'owner') ?? model.repositories.get(provider)?.data.team;
  if (stringOption(values, 'owner') && !known.has(`teams/${owner}`)) throw new UsageError(`--owner: there is no team "${owner}" in the registry.`);
  const fetched = await fetchSpec(input, cwd, stringOption(values, 'root'));
  if ('error' in fetched) return { planned: [], unmapped: [], diagnostics: [], errors: [fetched.error], what: '' };
  const { spec, diagnostics } = await readSpec(fetched.display, fetched.location, fetched.text, fetched.scope);
  if (!spec) return { planned: [], unmapped: [], diagnostics, errors: [], what: '' };
  if (spec.kind !== 'openapi')
    return {
      planned: [],
      unmapped: [],
      diagnostics: [
        diagnostic('SpecUnreadable', fetched.display, spec.locate(['asyncapi'], 'key'), {
          reason: 'This is an AsyncAPI document: import it with plexus import asyncapi',
        }),
      ],
      errors: [],
      what: '',
    };
  const id = stringOption(values, 'integration') ?? slugId(spec.title || provider);
  if (!ID_PATTERN.test(id)) throw new UsageError(`"${id}" cannot be an integration id; name one with --integration.`);
  // A new integration takes its provider's team as owner; unknown names no team to take.
  if (owner === 'unknown' && !known.has(`integrations/${id}`))
    throw new UsageError(`--owner TEAM is needed: the team of ${provider}, which would own the new integration ${id}, is unknown.`);
  const ref = `openapi ${spec.version}: ${spec.title}`;
  const unmapped: Unmapped[] = [];
  const note = (field: string, why: string) => unmapped.push({ ref, field, why });

  const copy = await specCopy({ ...fetched, text: await selfContained(fetched.location, fetched.text, 'openapi', fetched.scope) }, id, {
    contentDir,
    cwd,
    previous: importRecords(model.integrations.get(id)?.data.imported).some((r) => r.fields.includes('spec') && r.from === 'openapi')
      ? model.integrations.get(id)?.data.spec
      : undefined,
  });
  if ('error' in copy) return { planned: [], unmapped: [], diagnostics: [], errors: [copy.error], what: '' };
  // The copy is the text just read, when the document is self-contained: the check after writing need not read it again.
  if (copy.file && copy.file.after === fetched.text && diagnostics.length === 0) copy.file.parsed = spec;
  if (copy.file) {
    // --dry-run says which operations the copy gains and loses, from the ones the integration lists now.
    const listed = copy.file.before === undefined ? undefined : model.integrations.get(id)?.data.operations;
    copy.file.spec = { unit: 'operation', before: listed?.map((o) => `${o.method} ${o.path}`), after: spec.operations.map((o) => `${o.method} ${o.path}`) };
  }

  const methods = [...new Set(spec.operations.flatMap((o) => o.auth))];
  const secured = methods.filter((m) => m !== 'none' && m !== 'unknown');
  if (methods.includes('unknown')) note('security', 'the document says nothing about security: auth not written (not recorded)');
  const unknownSchemes = secured.filter((m) => !Object.values(spec.schemes).some((s) => s.auth === m));
  for (const name of unknownSchemes) note(`security ${name}`, `scheme "${name}" has no Plexus auth method`);
  const known$ = secured.filter((m) => !unknownSchemes.includes(m));
  // none only where the spec says so (security: []) for every operation; never for a spec that is silent.
  const auth =
    known$.length === 1 && unknownSchemes.length === 0
      ? known$[0]
      : secured.length === 0 && spec.operations.length > 0 && !methods.includes('unknown')
        ? 'none'
        : undefined;
  if (known$.length > 1) note('security', `several auth methods (${known$.join(', ')}): auth left for you to choose`);
  const version = spec.apiVersion && SEMVER_PATTERN.test(spec.apiVersion) ? spec.apiVersion : undefined;
  if (spec.apiVersion && !version) note('info.version', `"${spec.apiVersion}" is not a semantic version: version not written`);
  if (!spec.description) note('info.description', 'not given: purpose written as unknown');
  const first = spec.servers[0];
  const server = first === undefined ? undefined : withScheme(first, fetched.location);
  if (spec.servers.length > 1) note('servers', `${spec.servers.length} servers: the first is recorded as the endpoint`);
  const purpose = firstParagraph(spec.description);
  // Kept in the spec copy and shown on its page; an integration's fields have no place for them.
  const list = (xs: string[]) => (xs.length <= 5 ? xs.join(', ') : `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more`);
  const { webhooks = [], callbacks = [], links = [] } = spec.extras ?? {};
  if (webhooks.length > 0) note('webhooks', `${webhooks.length} not in operations (${list(webhooks)}): kept in the spec copy`);
  if (callbacks.length > 0) note('callbacks', `${callbacks.length} not in operations (${list(callbacks)}): kept in the spec copy`);
  if (links.length > 0) note('links', `${links.length} response links (${list(links)}): kept in the spec copy`);
  // The protocol is the server URL's scheme, when it has one; a template such as {scheme}://… is kept and said.
  const protocol = server && /^https:/i.test(server) ? 'HTTPS' : server && /^http:/i.test(server) ? 'HTTP' : 'unknown';
  if (server && /[{}]/.test(server))
    note('servers[0].url', `"${server}" has variables: written as the template, protocol ${protocol === 'unknown' ? 'not known' : protocol}`);
  else if (first !== undefined && !server)
    note(
      'schemes',
      `not given, and a file has no scheme to take (Swagger 2.0 takes the one the document was fetched with): endpoint and protocol written as unknown (host and base path: ${first.slice(2)})`,
    );
  else if (!server) note('servers', 'no server: endpoint and protocol not known');

  return {
    planned: [
      {
        collection: 'integrations',
        id,
        owned: {
          title: spec.title || id,
          provider,
          purpose: purpose || 'unknown',
          type: 'rest',
          protocol,
          auth,
          version,
          'connection.endpoint': server ?? (first === undefined ? undefined : 'unknown'),
          spec: copy.path,
          operations: spec.operations.map((o) => ({ method: o.method, path: o.path, summary: o.summary, operationId: o.operationId })),
        },
        // Whether the API is live an OpenAPI document does not say: unknown until the team writes it.
        initial: { owner, status: 'unknown' },
        provenance: { from: 'openapi', source: /^https?:/i.test(fetched.location) ? fetched.location : relativeTo(contentDir, fetched.location), ref },
        adopt: stringOption(values, 'integration') !== undefined,
      },
    ],
    files: copy.file ? [copy.file] : [],
    unmapped,
    diagnostics,
    errors: [],
    what: `${spec.operations.length} operation${spec.operations.length === 1 ? '' : 's'} of ${spec.title || fetched.display}`,
  };
}
