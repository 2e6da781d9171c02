import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../src/core/fs.ts';
import { decodeSource } from '../../src/core/decode.ts';
import { parseYamlSource, parseYamlStream } from '../../src/core/source.ts';
import { generateRegistry } from '../../src/synthetic/generate.ts';

describe('parseYamlSource', () => {
  it('reads the same data as the positioned parser for every example file', async () => {
    const sources = (await readSources(join(import.meta.dirname, '..', '..', 'content'))).filter((s) => s.path.endsWith('.yaml'));
    expect(sources.length).toBeGreaterThan(50);
    for (const source of sources) {
      const text = new TextDecoder().decode(source.bytes);
      expect(parseYamlSource(source.path, text).parsed?.data, source.path).toEqual(parse(text));
    }
  });

  it('keeps dates and yes/no as text (YAML 1.2 core schema)', () => {
    expect(parseYamlSource('f', 'd: 2025-07-24\nb: yes\nv: 1.0\n').parsed?.data).toEqual({ d: '2025-07-24', b: 'yes', v: 1 });
  });

  it('locates keys and values, nested and in lists', () => {
    const { parsed } = parseYamlSource('f', 'a: 1\nlist:\n  - name: x\n    deep: {k: v}\n');
    expect(parsed!.locate(['list', 0, 'deep', 'k'])).toEqual({ line: 4, col: 15 });
    expect(parsed!.locate(['list', 0, 'deep', 'k'], 'key')).toEqual({ line: 4, col: 12 });
    expect(parsed!.locate(['list', 0, 'deep'], 'key')).toEqual({ line: 4, col: 5 });
    expect(parsed!.locate(['missing'])).toEqual({ line: 1, col: 1 });
  });

  it('shifts lines for front matter', () => {
    const { parsed } = parseYamlSource('f', 'title: x\nstatus: y\n', 1);
    expect(parsed!.locate(['status'])).toEqual({ line: 3, col: 9 });
  });

  it('counts CRLF lines like LF lines', () => {
    const { diagnostics } = parseYamlSource('f', 'a: 1\r\nb: "x\r\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['PLX001', 2, 4]]);
  });

  it('gives a value one meaning whatever else the file holds (YAML 1.2 core, one parser)', () => {
    const values = 'b: 0b10\nf: !!float 10\np: +.5\no: 0o17\nx: 0x1F\n';
    const plain = parseYamlSource('f', values).parsed?.data;
    expect(plain).toEqual({ b: '0b10', f: '10', p: 0.5, o: 15, x: 31 });
    // An anchor elsewhere in the file once switched parsers, and with them these meanings.
    expect(parseYamlSource('f', `${values}a: &a 1\nc: *a\n`).parsed?.data).toEqual({ ...plain, a: 1, c: 1 });
  });

  it('names the whole duplicate key, quoted or not', () => {
    const { diagnostics } = parseYamlSource('f', 'name: a\nowner: b\nname: c\n"quoted key": 1\n"quoted key": 2\n');
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '3:1 Key "name" appears more than once in this mapping.',
      '5:1 Key "quoted key" appears more than once in this mapping.',
    ]);
  });

  it('accepts a moderate use of aliases', () => {
    expect(parseYamlSource('f', 'a: &x [1, 2]\nb: *x\n').parsed?.data).toEqual({ a: [1, 2], b: [1, 2] });
  });
});

describe('decodeSource', () => {
  it('drops a byte-order mark', () => {
    expect(decodeSource('f', new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });

  it('rejects overlong encodings and surrogates', () => {
    expect(decodeSource('f', new Uint8Array([0x61, 0xc0, 0xaf])).diagnostics[0]).toMatchObject({ code: 'PLX007', line: 1, col: 2 });
    expect(decodeSource('f', new Uint8Array([0xed, 0xa0, 0x80])).diagnostics[0]).toMatchObject({ code: 'PLX007', line: 1, col: 1 });
  });
});

describe('generateRegistry', () => {
  it('is deterministic from its seed', () => {
    expect([...generateRegistry(200, 7)]).toEqual([...generateRegistry(200, 7)]);
    expect([...generateRegistry(200, 7)]).not.toEqual([...generateRegistry(200, 8)]);
  });
});

describe('YAML warnings', () => {
  it('a key that is a list is read as text, with no Node warning on stderr', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      const [doc] = parseYamlStream('c.yaml', 'metadata:\n  ? [a, b]\n  : c\n').documents;
      parseYamlSource('c.yaml', 'x:\n  ? {a: 1}\n  : c\n');
      // Node emits warnings on the next tick.
      await new Promise((r) => setImmediate(r));
      expect(doc?.data).toEqual({ metadata: { '[ a, b ]': 'c' } });
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });
});
