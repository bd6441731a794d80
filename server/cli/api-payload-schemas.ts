// npm run api:payload-schemas: JSON Schemas (2020-12) of the public payload types in api/releases.ts and
// api/errors.ts, generated with ts-json-schema-generator into api/schemas/releases/payloads.schema.json.
// The OpenAPI document takes its response schemas from that file; a test checks it is up to date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

export const PAYLOAD_SCHEMAS = fileURLToPath(
  new URL('../../api/schemas/releases/payloads.schema.json', import.meta.url),
);

/** The generated document, as text (stable key order). */
export function payloadSchemas(): string {
  const definitions: Record<string, unknown> = {};
  for (const file of ['releases.ts', 'errors.ts']) {
    const schema = createGenerator({
      path: fileURLToPath(new URL(`../../api/${file}`, import.meta.url)),
      tsconfig: fileURLToPath(new URL('../../api/tsconfig.json', import.meta.url)),
      type: '*',
      expose: 'export',
      topRef: true,
      jsDoc: 'extended',
      additionalProperties: false,
      sortProps: true,
      skipTypeCheck: true,
    }).createSchema('*');
    Object.assign(definitions, schema.definitions);
  }
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  const text = JSON.stringify(
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $comment:
        'Generated from api/releases.ts and api/errors.ts by npm run api:payload-schemas; do not edit.',
      $defs: sorted,
    },
    null,
    2,
  ).replace(/#\/definitions\//g, '#/$defs/');
  return `${text}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PAYLOAD_SCHEMAS, payloadSchemas());
  console.error(`wrote ${PAYLOAD_SCHEMAS}`);
}
