// `npm run bench:imports` (and the end of `npm run bench`): imports a generated 5,000-entity Backstage
// catalog into an empty registry, imports a generated OpenAPI document of over 5 MB, checks a
// registry that links 200 OpenAPI documents (drift both ways), and imports a hostile catalog of
// 16,000 broken documents, each as a user runs it; prints the median of --runs runs against the
// targets.
// Usage: npm run bench:imports [-- --runs 3]
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchOptions } from './args.ts';

const values = benchOptions({ runs: { type: 'string', default: '3' } }, 'npm run bench:imports [-- --runs 3]');
const runs = Math.max(1, Number(values.runs));
const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench', 'imports');
const run = promisify(execFile);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A catalog of `size` entities: groups, domains, systems, components with APIs, dependencies and resources. */
function catalog(size: number): string[] {
  const docs: string[] = [];
  const entity = (kind: string, name: string, spec: string, description = `${kind} ${name}`) =>
    docs.push(`apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n${spec}`);
  const groups = 20;
  const systems = 25;
  for (let g = 0; g < groups; g++) entity('Group', `team-${g}`, `  type: team\n  profile:\n    email: team-${g}@example.com\n`);
  for (let d = 0; d < 5; d++) entity('Domain', `domain-${d}`, `  owner: team-${d}\n`);
  for (let s = 0; s < systems; s++) entity('System', `system-${s}`, `  owner: team-${s % groups}\n  domain: domain-${s % 5}\n`);
  const components = Math.floor((size - groups - 5 - systems) * 0.4);
  const resources = size - groups - 5 - systems - 2 * components;
  for (let c = 0; c < components; c++) {
    const resource =
      c < resources ? `\n  dependsOn: [resource:db-${c}, component:svc-${(c + 7) % components}]` : `\n  dependsOn: [component:svc-${(c + 7) % components}]`;
    entity(
      'Component',
      `svc-${c}`,
      `  type: service\n  lifecycle: production\n  owner: team-${c % groups}\n  system: system-${c % systems}\n  providesApis: [api-${c}]\n  consumesApis: [api-${(c + 1) % components}, api-${(c + 2) % components}]${resource}\n`,
    );
    entity('API', `api-${c}`, `  type: openapi\n  lifecycle: production\n  owner: team-${c % groups}\n  definition:\n    $text: ./api-${c}.yaml\n`);
  }
  for (let r = 0; r < resources; r++) entity('Resource', `db-${r}`, `  type: database\n  owner: team-${r % groups}\n  system: system-${r % systems}\n`);
  // Several files, as a real catalog is kept: one file may be at most 1 MiB (MAX_FILE_BYTES).
  const files: string[] = [];
  for (let i = 0; i < docs.length; i += 500) files.push(docs.slice(i, i + 500).join('---\n'));
  return files;
}

/** An OpenAPI 3.1 document with `operations` operations over `operations / 2` schemas of 60 fields each. */
function openapi(operations: number, title = 'Big API'): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < operations / 2; i++) {
    const ref = { $ref: `#/components/schemas/Thing${i}` };
    paths[`/things${i}/{id}`] = {
      get: {
        operationId: `getThing${i}`,
        summary: `Get thing ${i}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The thing', content: { 'application/json': { schema: ref } } } },
      },
      put: { operationId: `putThing${i}`, requestBody: { content: { 'application/json': { schema: ref } } }, responses: { 204: { description: 'Stored' } } },
    };
    const properties: Record<string, unknown> = {};
    for (let p = 0; p < 60; p++)
      properties[`field${p}`] = { type: 'string', description: `Field ${p} of thing ${i}, described at the length real specs describe things.` };
    schemas[`Thing${i}`] = { type: 'object', required: ['field0'], properties };
  }
  return {
    openapi: '3.1.0',
    info: { title, version: '1.0.0', description: 'Generated for the benchmark.' },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
  };
}

/** A registry of `count` integrations, each linking its own OpenAPI document of 24 operations. */
async function linkedRegistry(dir: string, count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['teams', 'repositories', 'integrations', 'specs']) await mkdir(join(dir, folder), { recursive: true });
  await writeFile(
    join(dir, 'ecosystem.yaml'),
    'name: Bench\ndescription: Linked specs.\ncurrentProject: svc-0\nreferenceProject: svc-0\nmaintainedBy: team\nregistryVersion: 1.0.0\nlastUpdated: 2026-11-01\nnextReview: 2027-11-01\npolicies:\n  deprecationNoticeMonths: 3\n  parallelSupportMonths: 1\n',
  );
  await writeFile(join(dir, 'teams', 'team.yaml'), 'name: Team\n');
  for (let i = 0; i <= count; i++)
    await writeFile(
      join(dir, 'repositories', `svc-${i}.yaml`),
      `name: Service ${i}\npurpose: Serves ${i}\nkind: service\nstatus: active\nurl: unknown\nteam: team\n`,
    );
  for (let i = 0; i < count; i++) {
    const spec = openapi(24, `API ${i}`);
    await writeFile(join(dir, 'specs', `api-${i}.json`), JSON.stringify(spec, null, 1));
    // Every tenth integration has drifted: one operation declared that the spec lacks, one it has not declared.
    const ops = Object.entries(spec.paths as Record<string, Record<string, { summary?: string }>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `  - method: ${method.toUpperCase()}\n    path: ${path}\n`),
    );
    const declared = i % 10 === 0 ? [...ops.slice(1), '  - method: DELETE\n    path: /gone\n'] : ops;
    await writeFile(
      join(dir, 'integrations', `api-${i}.yaml`),
      `title: API ${i}\nprovider: svc-${i}\nconsumers: [svc-${i + 1}]\npurpose: Bench\ntype: rest\nprotocol: HTTPS\nauth: jwt\nowner: team\nstatus: active\nspec: specs/api-${i}.json\noperations:\n${declared.join('')}`,
    );
  }
}

/**
 * CPU seconds (user + system) of the children this process has waited for, where Linux says
 * (/proc/self/stat): on a machine others load, a command's CPU time is steadier than its wall time.
 */
function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // Fields 16 and 17 of the line (cutime, cstime), in clock ticks of 1/100 s on Linux.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

async function timed(args: string[], cwd: string): Promise<{ ms: number; cpu?: number; out: string; err: string }> {
  // Each command starts with the disk flushed, so it does not pay for writes and deletions before it.
  await run('sync', []).catch(() => undefined);
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const result = await run(process.execPath, [join(ROOT, 'bin', 'plexus.ts'), ...args], { cwd, maxBuffer: 256 << 20 }).catch(
    (e: { stdout: string; stderr: string; code: number }) => {
      // check exits 1 when drift is an error; the time still counts.
      if (typeof e.stdout !== 'string') throw e;
      return { stdout: e.stdout, stderr: e.stderr };
    },
  );
  const ms = performance.now() - started;
  const cpuAfter = childrenCpu();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { ms, cpu, out: result.stdout, err: String(result.stderr ?? '') };
}

/** The summary line of an import, or what stopped it: a run that failed says so instead of passing for fast. */
function summary(r: { out: string; err: string }): string {
  return r.out.split('\n').find((l) => /^(Would import|Imported) /.test(l)) ?? `FAILED: ${r.err.split('\n')[0]}`;
}

await rm(WORK, { recursive: true, force: true });
await mkdir(WORK, { recursive: true });
await mkdir(join(WORK, 'catalog'), { recursive: true });
for (const [i, text] of catalog(5000).entries()) await writeFile(join(WORK, 'catalog', `part-${i}.yaml`), text);
await writeFile(join(WORK, 'big.json'), JSON.stringify(openapi(1200), null, 1));
await writeFile(join(WORK, 'broken.yaml'), 'a: [\n---\n'.repeat(16000));
const bigMiB = (await stat(join(WORK, 'big.json'))).size / 1024 / 1024;
await linkedRegistry(join(WORK, 'linked'), 200);

const results: { what: string; ms: number[]; cpu: number[]; target: number; detail: string }[] = [
  { what: 'import backstage, 5,000 entities, empty registry', ms: [], cpu: [], target: 5000, detail: '' },
  { what: `import openapi, ${bigMiB.toFixed(1)} MB, 1,200 operations`, ms: [], cpu: [], target: 5000, detail: '' },
  { what: 'check, 200 linked specs with drift', ms: [], cpu: [], target: 3000, detail: '' },
  { what: 'import backstage, 16,000 broken documents in 144 KB (hostile)', ms: [], cpu: [], target: 5000, detail: '' },
];
const record = (r: (typeof results)[number], t: { ms: number; cpu?: number }) => {
  r.ms.push(t.ms);
  if (t.cpu !== undefined) r.cpu.push(t.cpu);
};
for (let r = 0; r < runs; r++) {
  const registry = join(WORK, `registry-${r}`);
  await rm(registry, { recursive: true, force: true });
  await mkdir(registry);
  const backstage = await timed(['import', 'backstage', 'catalog', '--content', registry], WORK);
  record(results[0]!, backstage);
  results[0]!.detail = summary(backstage);
  const api = await timed(['import', 'openapi', 'big.json', '--provider', 'svc-0', '--integration', 'big-api', '--content', registry], WORK);
  record(results[1]!, api);
  results[1]!.detail = summary(api);
  const check = await timed(['check', '--content', 'linked'], WORK);
  record(results[2]!, check);
  results[2]!.detail = check.out.trimEnd().split('\n').at(-1)!;
  // Each broken document is a diagnostic; once, finding them took time growing with their square (25.7 s here).
  const hostile = await timed(['import', 'backstage', 'broken.yaml', '--content', registry], WORK);
  record(results[3]!, hostile);
  results[3]!.detail = `${hostile.err.split('\n').filter((l) => / error PLX/.test(l)).length} errors reported, ${hostile.err.trimEnd().split('\n').at(-1)}`;
}
// Removed after all runs, not between them: on a file system mounted with `discard` (this machine's)
// deleting 7,000 files makes the kernel's next journal commits slow for seconds, which the next
// run's import would pay for a deletion that is not its own.
for (let r = 0; r < runs; r++) await rm(join(WORK, `registry-${r}`), { recursive: true, force: true });

// The site of a registry holding a 1,000-operation spec: built once, every page of its operations at most 300 KB.
const site = join(WORK, 'site-registry');
await cp(join(ROOT, 'test', 'fixtures', 'bookshop'), site, { recursive: true });
await writeFile(join(WORK, 'ops-1000.json'), JSON.stringify(openapi(1000), null, 1));
await timed(['import', 'openapi', join(WORK, 'ops-1000.json'), '--provider', 'catalog-service', '--integration', 'big-api', '--content', site], WORK);
const built = await timed(['build', '--content', site, '--out', join(WORK, 'site-dist')], WORK);
const pagesDir = join(WORK, 'site-dist', 'integrations', 'big-api');
const sizes: number[] = [];
for (const entry of await readdir(pagesDir, { recursive: true }).catch(() => [] as string[]))
  if (String(entry).endsWith('index.html')) sizes.push((await stat(join(pagesDir, String(entry)))).size);
const largest = sizes.length > 0 ? Math.max(...sizes) : Number.POSITIVE_INFINITY;
console.log(
  `\nBuild of a registry with a 1,000-operation spec: ${(built.ms / 1000).toFixed(2)} s, ${sizes.length} pages of operations, the largest ${(largest / 1024).toFixed(0)} KB (target ≤ 300 KB: ${largest <= 300 * 1024 ? 'met' : 'not met'}).`,
);

const [load1] = loadavg();
console.log(`\nImports and drift (median of ${runs}, Node ${process.versions.node}, ${cpus().length} cores, load ${load1!.toFixed(1)} at the end):\n`);
console.log('| what | median | runs | CPU (median) | target | met | output |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  const m = median(r.ms);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const cpu = r.cpu.length > 0 ? `${median(r.cpu).toFixed(2)} s` : 'n/a';
  console.log(`| ${r.what} | ${s(m)} | ${r.ms.map(s).join(', ')} | ${cpu} | < ${s(r.target)} | ${m < r.target ? 'yes' : 'no'} | ${r.detail} |`);
}
