// The README documents what the code does: its table of codes is the catalogue's, its table of environment variables the CLI's.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCodesTable, withEnvironmentTable } from '../../scripts/write-codes-table.ts';

describe('README.md', () => {
  it('lists every diagnostic code as the catalogue defines it (npm run docs rewrites it)', async () => {
    const readme = await readFile(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toBe(withCodesTable(readme));
  });

  it('lists every environment variable as src/cli/environment.ts describes it (npm run docs rewrites it)', async () => {
    const readme = await readFile(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toBe(withEnvironmentTable(readme));
  });
});
