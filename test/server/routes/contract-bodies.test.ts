import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { FieldError } from '#api/errors.js';
import { ROUTE_DOCS } from '#server/openapi/document.js';
import { describeEachDatabase } from '#test/support/db.js';
import { tableCounts } from '#test/support/table-counts.js';
import { createTestUser } from '#test/support/users.js';
import { publishEdition, seedFamily, testApp } from '#test/server/collection/support.js';

// Every documented endpoint with a request body (server/openapi, the list /api/docs shows; public,
// survey, workspace, accounts), sent a body with each required field missing, one unknown field
// and each property of the wrong type: a 422 whose field errors name that field, in both
// languages, and no table changes.
interface BodySchema {
  properties: Record<string, { type?: string | string[]; enum?: unknown[] }>;
  required?: string[];
  additionalProperties?: boolean;
}
const schemaOf = (name: string): BodySchema =>
  JSON.parse(readFileSync(new URL(`../../../api/schemas/${name}.schema.json`, import.meta.url), 'utf8'));

/** A value of another JSON type than the property's, or undefined when the schema names no type. */
function wrongValue(p: BodySchema['properties'][string]): unknown {
  const type = Array.isArray(p.type) ? p.type[0] : p.type;
  if (type === 'string') return p.enum ? 'zz-not-an-option' : 12345;
  if (type === 'integer' || type === 'number' || type === 'boolean' || type === 'array') return { zz: 1 };
  if (type === 'object') return 'not an object';
  return p.enum ? 'zz-not-an-option' : undefined;
}

const PARAMS: Record<string, string> = { family: 'ddci-test', year: '2030', id: '1', block: 'departments' };
const concrete = (path: string, slug: string) =>
  path
    .replace(/\{\.:\w+\}$/, '')
    .replace(':slug', slug)
    .replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? '1');

const withBody = ROUTE_DOCS.filter((d) => d.body && d.method !== 'get');

describeEachDatabase('request bodies of every documented endpoint', (ctx) => {
  let app: Express;
  let slug: string;
  let bearer: string;

  before(async () => {
    await seedFamily(ctx.database.db);
    // Many refused bodies from one address: the wrong-code limit is not what this suite is about.
    app = testApp(ctx.database, { codeAttempts: 10_000 }).app;
    slug = await publishEdition(app);
    bearer = (await createTestUser(ctx.database.db, 'admin')).bearer;
  });

  const send = (doc: (typeof withBody)[number], body: object) => {
    const agent = request(app);
    return agent[doc.method](concrete(doc.path, slug)).set('authorization', bearer).send(body);
  };

  const fieldsNamed = (details: FieldError[] | undefined) =>
    (details ?? []).map((d) => `${d.path} ${d.code}`);

  it(`${withBody.length} endpoints: a missing required field, an unknown field and a wrong type each get a 422 naming the field, and change nothing`, async function () {
    this.timeout(300_000);
    const before = await tableCounts(ctx.database);
    const failures: string[] = [];
    let cases = 0;
    for (const doc of withBody) {
      const schema = schemaOf(doc.body!);
      const label = `${doc.method.toUpperCase()} ${doc.path}`;
      // A survey body without a code counts against the open-mode flood limit (5 an hour per
      // client), so the survey cases carry a (wrong) code unless the code is the field under test.
      const base = schema.properties.code ? { code: 'x' } : {};
      const expectField = async (body: object, path: string, code?: string) => {
        cases++;
        const res = await send(doc, path === '/code' ? body : { ...base, ...body });
        const named = fieldsNamed(res.body.error?.details);
        const hit = (res.body.error?.details ?? []).find(
          (d: FieldError) => d.path === path && (!code || d.code === code),
        );
        if (res.status !== 422 || !hit || !hit.message?.vi || !hit.message?.en)
          failures.push(
            `${label} ${JSON.stringify(body).slice(0, 60)}: ${res.status} [${named.join('; ')}], wanted ${path} ${code ?? ''}`,
          );
      };
      for (const field of schema.required ?? []) await expectField({}, `/${field}`, 'required');
      if (schema.additionalProperties === false)
        await expectField({ zzUnknown: 1 }, '/zzUnknown', 'unknown_key');
      for (const [name, p] of Object.entries(schema.properties)) {
        const wrong = wrongValue(p);
        if (wrong !== undefined) await expectField({ [name]: wrong }, `/${name}`);
      }
    }
    const after = await tableCounts(ctx.database);
    const changed = Object.keys(after).filter((t) => t !== 'rate_limits' && after[t] !== before[t]);
    console.log(`      ${withBody.length} endpoints, ${cases} bad bodies, ${failures.length} failures`);
    expect(failures).to.deep.equal([]);
    expect(changed).to.deep.equal([]);
  });
});
