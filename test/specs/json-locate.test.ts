// jsonPosition finds what a full JSON syntax tree (jsonc-parser) finds, for every key and value of
// real and hostile documents, scanning instead of building the tree (issue 26's check speed).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { jsonPosition, positionAt } from '../../src/specs/json-locate.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'specs');

/** Where the reference parser puts `path`'s value or key, as 1-based line and column. */
function reference(text: string, path: (string | number)[], target: 'key' | 'value') {
  const root = parseTree(text)!;
  let node = root;
  let offset = root.offset;
  for (const [i, segment] of path.entries()) {
    const child = findNodeAtLocation(node, [segment]);
    if (!child) break;
    node = child;
    offset = i === path.length - 1 && target === 'key' && child.parent?.type === 'property' ? child.parent.offset : child.offset;
  }
  return positionAt(text, offset);
}

/** Every path in `data`, containers and leaves. */
function* paths(data: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  yield path;
  if (Array.isArray(data)) for (const [i, v] of data.entries()) yield* paths(v, [...path, i]);
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) yield* paths(v, [...path, k]);
}

const HOSTILE = `
 {"a\\"b": {"x": [1, -2.5e3, true, null, "s\\\\"], "}": "]"},
  "empty": {}, "list":[ ],
  "deep" : { "k" :[ {"\\u0041": "\\"quoted\\""}, [ [ ] , {} ] ] },
  "line\\nbreak": "value with { and [ inside",
  "é 🙂": 0
 }
`;

describe('jsonPosition', () => {
  it.each([
    ['petstore-swagger2.json', async () => readFile(join(FIXTURES, 'petstore-swagger2.json'), 'utf8')],
    ['hostile keys, strings and nesting', async () => HOSTILE],
  ])('finds every key and value of %s where the syntax tree does', async (_, load) => {
    const text = await load();
    let checked = 0;
    for (const path of paths(JSON.parse(text))) {
      for (const target of ['key', 'value'] as const) {
        expect([path, target, jsonPosition(text, path, target)]).toEqual([path, target, reference(text, path, target)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('stops at the deepest part of a path that is there, and takes no number for a key or a key for an index', () => {
    const text = '{\n  "a": {\n    "b": [10, 20]\n  },\n  "0": 1\n}';
    expect(jsonPosition(text, ['a', 'missing', 'x'])).toEqual({ line: 2, col: 8 });
    expect(jsonPosition(text, ['a', 'b', 5], 'key')).toEqual({ line: 3, col: 10 });
    expect(jsonPosition(text, ['a', 'b', 1])).toEqual({ line: 3, col: 15 });
    expect(jsonPosition(text, [0])).toEqual({ line: 1, col: 1 });
    expect(jsonPosition(text, ['a', 'b', '1'])).toEqual({ line: 3, col: 10 });
  });
});
