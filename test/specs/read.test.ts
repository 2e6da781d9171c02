// Positions in specs: YAML through the registry's own parser, JSON through a JSON scanner.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fence } from '../../src/core/gate.ts';
import { readSpec } from '../../src/specs/read.ts';

const SPECS = join(import.meta.dirname, '..', 'fixtures', 'specs');
const read = async (name: string, text?: string) =>
  readSpec(name, join(SPECS, name), text ?? (await readFile(join(SPECS, name), 'utf8')), { files: await fence(SPECS) });

describe('positions in a JSON spec', () => {
  it('points at keys and values where they are written', async () => {
    const { spec } = await read('petstore-swagger2.json');
    expect(spec!.locate(['paths', '/pets', 'post'], 'key')).toEqual({ line: 12, col: 7 });
    expect(spec!.locate(['securityDefinitions'], 'key')).toEqual({ line: 7, col: 3 });
    expect(spec!.locate(['paths', '/pets', 'nowhere'], 'key')).toEqual({ line: 10, col: 14 });
  });

  it('says where JSON that does not parse breaks', async () => {
    const { diagnostics } = await read('petstore-swagger2.json', '{\n  "swagger": "2.0",\n  "info": { "title": "x" \n}');
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['4:2 PLX048']);
  });
});

describe('a spec read twice in one command', () => {
  it('reads each referenced file once and gives each reading its own copy of it', async () => {
    const { cp, mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { selfContained } = await import('../../src/specs/read.ts');
    const dir = await mkdtemp(join(tmpdir(), 'plexus-read-twice-'));
    try {
      for (const name of ['users-3.0.yaml', 'user.schema.yaml']) await cp(join(SPECS, name), join(dir, name));
      const text = await readFile(join(dir, 'users-3.0.yaml'), 'utf8');
      const alone = await readSpec('users-3.0.yaml', join(SPECS, 'users-3.0.yaml'), text, { files: await fence(SPECS) });
      const scope = { files: await fence(dir), parsed: new Map() };
      const first = await readSpec('users-3.0.yaml', join(dir, 'users-3.0.yaml'), text, scope);
      // Gone from the disk: the second reading can only have it from what the first one read.
      await rm(join(dir, 'user.schema.yaml'));
      const copy = await selfContained(join(dir, 'users-3.0.yaml'), text, 'openapi', scope);
      expect([...scope.parsed.keys()]).toEqual([join(dir, 'user.schema.yaml')]);
      expect(first.diagnostics).toEqual([]);
      const operations = (s: typeof first.spec) => (s?.kind === 'openapi' ? JSON.stringify(s.operations) : 'not OpenAPI');
      expect(operations(first.spec)).toBe(operations(alone.spec));
      expect(operations(first.spec)).toContain('"path":"/users/{id}"');
      expect(copy).toBe(await selfContained(join(SPECS, 'users-3.0.yaml'), text, 'openapi', { files: await fence(SPECS) }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
