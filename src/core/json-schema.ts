import { z } from 'zod';
import { ALL_SCHEMAS } from './schemas/index.ts';

/** JSON Schema text for each entity kind, from the same zod schemas `check` uses. */
export function jsonSchemas(): Record<keyof typeof ALL_SCHEMAS, string> {
  const out = {} as Record<keyof typeof ALL_SCHEMAS, string>;
  for (const [name, schema] of Object.entries(ALL_SCHEMAS) as [keyof typeof ALL_SCHEMAS, z.ZodType][]) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out[name] = `${JSON.stringify({ ...json, title: `Plexus ${name}` }, null, 2)}\n`;
  }
  return out;
}
