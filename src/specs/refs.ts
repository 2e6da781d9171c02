// Where a spec's `$ref`s may lead. The ref parsers' own resolvers read any file and any URL; these
// options replace them with one resolver and one parser of ours:
// - a file is read only through the file gate (src/core/gate.ts), fenced at the registry for
//   `check` and the site, and at the folder of the file named on the command line for an import;
// - a URL is fetched only when the spec itself came from a URL, and only under that URL's origin;
// - every document is parsed by the one YAML reader, with its one alias limit.
import { fileURLToPath } from 'node:url';
import { type Fence, GateError, formatBytes, readGated } from '../core/gate.ts';
import { MAX_SPEC_BYTES } from '../core/decode.ts';
import { parseYamlValue } from '../core/source.ts';

/** What a spec's `$ref`s may reach: files inside `files`, URLs under `origin`; nothing when neither. */
export interface RefScope {
  files?: Fence;
  /** `https://host:port` of a spec fetched over http(s). */
  origin?: string;
  /** The most bytes one referenced document may have. */
  limit?: number;
  /** Files held in memory by absolute path (a git revision read by `plexus diff`): read from here, never from disk. */
  memory?: ReadonlyMap<string, Uint8Array>;
  /**
   * Documents this command has read and parsed already, by what the `$ref` resolved to: an import
   * reads a spec twice (its facts, then its self-contained copy), and DigitalOcean's names 2,906
   * files. Each later use gets a copy of its own, as the ref parsers change what they are given.
   */
  parsed?: Map<string, { bytes: Uint8Array; data?: unknown }>;
}

/** A `$ref` the scope does not allow, kept so the caller can say where it was written. */
export class RefRefused extends Error {
  readonly target: string;
  readonly why: string;
  constructor(target: string, why: string) {
    super(`${target}: ${why}`);
    this.target = target;
    this.why = why;
  }
}

/** Time a referenced document may take to arrive. */
const FETCH_TIMEOUT_MS = 20_000;

/** The text of `url`, refused when it (or a redirect) leaves `origin`, or when it is too large. */
async function fetchUnder(url: URL, origin: string, limit: number): Promise<Uint8Array> {
  if (url.origin !== origin) throw new RefRefused(url.href, `a spec fetched from ${origin} may only $ref documents under that origin`);
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (response.status >= 300 && response.status < 400) {
    const next = response.headers.get('location');
    if (!next) throw new RefRefused(url.href, `the server answered ${response.status} with no location`);
    return fetchUnder(new URL(next, url), origin, limit);
  }
  if (!response.ok) throw new RefRefused(url.href, `the server answered ${response.status} ${response.statusText}`);
  const body = await bodyUpTo(response, limit);
  if (body === undefined) throw new RefRefused(url.href, `larger than ${formatBytes(limit)}, the most Plexus reads`);
  return body;
}

/** A response's body, or undefined once it passes `limit` bytes (read no further: a server may send without end). */
export async function bodyUpTo(response: Response, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > limit) {
      await response.body?.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The local path a resolved `$ref` names, or undefined when it names something else (a URL scheme). */
export function localPath(target: string): string | undefined {
  if (/^file:/i.test(target)) {
    try {
      return fileURLToPath(target);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(target)) return undefined;
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** Reads what one `$ref` names, within `scope`. */
export async function readRef(target: string, scope: RefScope): Promise<Uint8Array> {
  const limit = scope.limit ?? MAX_SPEC_BYTES;
  if (/^https?:/i.test(target)) {
    if (!scope.origin)
      throw new RefRefused(target, 'Plexus does not fetch URLs a spec in the registry names; keep the document under specs/ and $ref it by path');
    return fetchUnder(new URL(target), scope.origin, limit);
  }
  const path = localPath(target);
  if (path === undefined) throw new RefRefused(target, 'only relative paths (and http(s) within a fetched spec’s origin) can be $ref targets');
  if (scope.memory) {
    const bytes = scope.memory.get(path);
    if (bytes === undefined) throw new RefRefused(target, 'no such file in the registry at this revision');
    if (bytes.length > limit) throw new RefRefused(target, `larger than ${formatBytes(limit)}, the most Plexus reads`);
    return bytes;
  }
  if (!scope.files) throw new RefRefused(target, 'a spec fetched over http(s) may not $ref files on this machine');
  try {
    return await readGated(scope.files, path, limit);
  } catch (error) {
    if (error instanceof GateError) throw new RefRefused(target, error.message.slice(error.path.length + 2));
    throw new RefRefused(target, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A referenced document's data: JSON when it reads as JSON, else YAML through the one reader. */
export function parseRefText(data: unknown): unknown {
  const text = typeof data === 'string' ? data : decoder.decode(data as Uint8Array).replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // JSON is YAML too: the YAML reader says where it goes wrong.
    }
  }
  return parseYamlValue(text);
}

/**
 * Options for @apidevtools/json-schema-ref-parser and swagger-parser: the built-in file and http
 * resolvers and the built-in parsers (whose YAML reader has no alias limit) are all switched off.
 * `refused` is called with each `$ref` that was not allowed.
 */
export function refOptions(scope: RefScope, refused: (error: RefRefused) => void) {
  return {
    resolve: {
      external: true,
      file: false,
      http: false,
      plexus: {
        order: 1,
        canRead: true,
        read: async (file: { url: string }) => {
          const known = scope.parsed?.get(file.url);
          if (known) return known.bytes;
          try {
            const bytes = await readRef(file.url, scope);
            scope.parsed?.set(file.url, { bytes });
            return bytes;
          } catch (error) {
            if (error instanceof RefRefused) refused(error);
            throw error;
          }
        },
      },
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      plexus: {
        order: 1,
        canParse: true,
        allowEmpty: false,
        parse: (file: { url: string; data: unknown }) => {
          const known = scope.parsed?.get(file.url);
          if (known?.data !== undefined && known.bytes === file.data) return structuredClone(known.data);
          try {
            const data = parseRefText(file.data);
            if (known && known.bytes === file.data) known.data = structuredClone(data);
            return data;
          } catch (error) {
            const refusal = new RefRefused(file.url, `it does not parse: ${(error as Error).message}`);
            refused(refusal);
            throw refusal;
          }
        },
      },
    },
    dereference: { circular: true as const },
  };
}
