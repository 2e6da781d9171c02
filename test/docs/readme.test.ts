// The README documents what the code does: its table of codes is the catalogue's.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCodesTable } from '../../scripts/write-codes-table.ts';

describe('README.md', () => {
  it('lists every diagnostic code as the catalogue defines it (npm run docs rewrites it)', async () => {
    const readme = await readFile(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toBe(withCodesTable(readme));
  });
});
