// Writes schemas/<kind>.schema.json for editors (YAML autocomplete through yaml-language-server).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemas } from '../src/core/json-schema.ts';

const dir = join(import.meta.dirname, '..', 'schemas');
await mkdir(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  await writeFile(join(dir, `${name}.schema.json`), text);
  console.log(`schemas/${name}.schema.json`);
}
