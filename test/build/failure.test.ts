// What a failed build prints: one line, the page that failed and its error's first line, no
// stack frames (not even `at Array.join (<anonymous>)`), unless --debug or PLEXUS_DEBUG asks.
import { describe, expect, it } from 'vitest';
import { failureLine, quietOutput, wantsDebug } from '../../src/build/failure.ts';

/** A stream that keeps what is written to it. */
function fakeStream() {
  const written: string[] = [];
  const stream = { write: (chunk: unknown) => written.push(String(chunk)) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

function thrown(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('the failure line', () => {
  it('is one line: the page, the kind of error and its first line, and how to see more', () => {
    const error = thrown(() => ['a'].map(() => 'x'.repeat(2 ** 29 + 1)));
    expect(failureLine(error, { dist: 'dist', page: '/integrations/deep' })).toBe(
      'The site build failed; dist/ is unchanged. /integrations/deep: RangeError: Invalid string length. Run again with --debug to see where.',
    );
  });

  it('keeps only the first line of a message that runs over several', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(
      failureLine(
        thrown(() => JSON.stringify(circular)),
        { dist: 'site', debug: true },
      ),
    ).toBe('The site build failed; site/ is unchanged. TypeError: Converting circular structure to JSON.');
    expect(failureLine(new Error('the page failed'), { dist: '.', page: '/docs/boom' })).toBe(
      'The site build failed; ./ is unchanged. /docs/boom: the page failed. Run again with --debug to see where.',
    );
  });

  it('says a file-system error in words, with its path', () => {
    const error = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/site'"), { code: 'EACCES', path: '/srv/site' });
    expect(failureLine(error, { dist: 'dist', debug: true })).toBe('The site build failed; dist/ is unchanged. Cannot use /srv/site: permission denied.');
  });

  it('is asked for stacks by --debug or PLEXUS_DEBUG', () => {
    expect([wantsDebug(['--debug'], {}), wantsDebug([], { PLEXUS_DEBUG: '1' }), wantsDebug([], {}), wantsDebug([], { PLEXUS_DEBUG: '' })]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('the build’s output', () => {
  it('holds back Astro’s error reports, remembering the page, and drops stack frames from the rest (all passes with --debug)', () => {
    const err = fakeStream();
    const out = fakeStream();
    const quiet = quietOutput(false, [out.stream, err.stream]);
    const stack =
      'RangeError: Invalid string length\n    at Array.join (<anonymous>)\n    at schemaHtml (file:///p/spec-html.mjs:90:30)\n    at async Promise.all (index 0)\n';
    err.stream.write(`\u001b[31m\u001b[1m02:01:57\u001b[22m [ERROR]\u001b[39m ${stack}`);
    err.stream.write('02:01:57 [ERROR] [build] Caught error rendering /integrations/deep: RangeError: Invalid string length\n');
    out.stream.write('02:01:57 [build] Rendering pages\n');
    err.stream.write(`Something else\n${stack}`);
    let called = false;
    err.stream.write('02:01:58 [ERROR] late\n', () => {
      called = true;
    });
    expect(quiet.failedPage()).toBe('/integrations/deep');
    expect(out.written).toEqual(['02:01:57 [build] Rendering pages\n']);
    expect(err.written).toEqual(['Something else\nRangeError: Invalid string length\n']);
    expect(quiet.held()).toEqual([
      '\u001b[31m\u001b[1m02:01:57\u001b[22m [ERROR]\u001b[39m RangeError: Invalid string length\n',
      '02:01:57 [ERROR] [build] Caught error rendering /integrations/deep: RangeError: Invalid string length\n',
      '02:01:58 [ERROR] late\n',
    ]);
    const debug = fakeStream();
    const watched = quietOutput(true, [debug.stream]);
    debug.stream.write('02:01:57 [ERROR] [build] Caught error rendering /docs/boom: x\n');
    debug.stream.write(stack);
    expect([watched.failedPage(), debug.written]).toEqual(['/docs/boom', ['02:01:57 [ERROR] [build] Caught error rendering /docs/boom: x\n', stack]]);
    return new Promise<void>((resolve) =>
      process.nextTick(() => {
        expect(called).toBe(true);
        resolve();
      }),
    );
  });
});
