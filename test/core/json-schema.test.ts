// The JSON Schemas editors use are generated from the zod schemas; the committed copies must match.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/core/json-schema.ts';

describe('JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('schemas/%s.schema.json is up to date (npm run schema)', async (name, text) => {
    const committed = await readFile(join(import.meta.dirname, '..', '..', 'schemas', `${name}.schema.json`), 'utf8');
    expect(committed).toBe(text);
  });

  it('documents every field and rejects unknown keys', () => {
    const integration = JSON.parse(jsonSchemas().integration);
    expect(integration.additionalProperties).toBe(false);
    const undocumented = Object.entries(integration.properties as Record<string, { description?: string }>)
      .filter(([, p]) => !p.description)
      .map(([k]) => k);
    expect(undocumented).toEqual([]);
    expect(integration.properties.type.enum).toContain('cross-app-auth');
  });
});
