// Astro's build log as the build prints it: each route on its own line, no lines of times alone.
import { describe, expect, it } from 'vitest';
import { tidyChunk } from '../../src/build/astro-log.ts';

// What Astro writes for a page, plain (a pipe) and coloured (a terminal): the route without a
// newline when the page starts, its time with one when it is written.
const route = '02:15:21   ├─ /404.html';
const colouredRoute = '\x1b[2m02:15:21\x1b[22m   \x1b[34m├─\x1b[39m \x1b[2m/404.html\x1b[22m';

describe('tidyChunk', () => {
  it('ends a route with its newline', () => {
    expect(tidyChunk(route)).toBe(`${route}\n`);
    expect(tidyChunk(colouredRoute)).toBe(`${colouredRoute}\n`);
    expect(tidyChunk('02:15:22   └─ /index.html')).toBe('02:15:22   └─ /index.html\n');
  });

  it("drops a page's time, which cannot be told apart from the others' once pages render together", () => {
    expect(tidyChunk(' (+11ms) \n')).toBe('');
    expect(tidyChunk(' \x1b[2m(+30ms)\x1b[22m \n')).toBe('');
    expect(tidyChunk(' \x1b[31m(+1.20s)\x1b[39m \n')).toBe('');
    expect(tidyChunk(' \x1b[32m(cached)\x1b[39m\n')).toBe('');
    expect(tidyChunk(' (+3ms) \x1b[33m(file not created, response body was empty)\x1b[39m\n')).toBe('  (file not created, response body was empty)\n');
  });

  it('leaves everything else as written', () => {
    for (const chunk of [
      '02:15:22 [build] ✓ Completed in 6.93s.\n',
      '[plexus] Diagrams: 6 drawings.\n',
      '\r\x1b[K[plexus] Drawing 6 diagrams… 3/6',
      'x (+1ms)\n',
      '\n',
    ])
      expect(tidyChunk(chunk)).toBe(chunk);
  });

  it('turns the interleaved log of four pages at a time into one route a line', () => {
    const chunks = [
      `${route}`,
      '02:15:21   ├─ /data/index.html',
      '02:15:21   ├─ /docs/index.html',
      '02:15:21   ├─ /events/index.html',
      ' (+30ms) \n',
      ' (+36ms) \n',
    ];
    expect(chunks.map(tidyChunk).join('')).toBe(`${route}\n02:15:21   ├─ /data/index.html\n02:15:21   ├─ /docs/index.html\n02:15:21   ├─ /events/index.html\n`);
  });
});
