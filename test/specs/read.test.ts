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
