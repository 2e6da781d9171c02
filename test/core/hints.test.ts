// Every hint that names a plexus command names one that exists (issue 26): PLX021 suggested
// `plexus new`, which has no ecosystem kind; each `plexus new KIND` a hint names is a kind it makes.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';
import { CODES } from '../../src/core/codes.ts';
import { SCAFFOLD_KINDS } from '../../src/render/scaffold.ts';

/** Any argument a message or hint asks for, as a word; lists as one word. */
const args = new Proxy({}, { get: (_, key) => (key === 'choices' || key === 'known' || key === 'allowed' ? ['x'] : 'x') });

describe('hints name commands that exist', () => {
  const named = Object.values(CODES).flatMap((entry) => {
    let hint: string | undefined;
    try {
      hint = (entry.hint as ((a: unknown) => string | undefined) | undefined)?.(args);
    } catch {
      return [];
    }
    return [...(hint ?? '').matchAll(/`plexus ([a-z-]+)(?: ([a-z]+))?/g)].map((m) => ({ code: entry.code, command: m[1]!, kind: m[2] }));
  });

  it('finds the commands PLX021 and PLX035 name', () => {
    expect(named.filter((n) => n.code === 'PLX021' || n.code === 'PLX035')).toEqual([
      { code: 'PLX021', command: 'init', kind: undefined },
      { code: 'PLX035', command: 'new', kind: 'integration' },
    ]);
  });

  it('each is a command, and each kind of plexus new one it makes', () => {
    for (const n of named) {
      expect(Object.keys(COMMANDS), `${n.code}: plexus ${n.command}`).toContain(n.command);
      if (n.command === 'new') expect(Object.keys(SCAFFOLD_KINDS), `${n.code}: plexus new ${n.kind}`).toContain(n.kind);
    }
  });
});
