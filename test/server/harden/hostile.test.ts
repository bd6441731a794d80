import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { ROUTE_DOCS } from '#server/openapi/document.js';
import { describeEachDatabase } from '#test/support/db.js';
import { tableCounts } from '#test/support/table-counts.js';
import { zip } from '#test/support/zip.js';
import {
  ANALYST_TOKEN,
  issue,
  publishEdition,
  seedFamily,
  testApp,
} from '#test/server/collection/support.js';

// Every documented endpoint (server/openapi: the same list /api/docs shows), public and workspace,
// with hostile input; any 5xx, hang or change to a table fails. Counters of refused attempts
// (rate_limits) are the one table expected to move.
const MOVABLE = new Set(['rate_limits']);

interface Attack {
  name: string;
  send(r: request.Test): request.Test;
}

const deep = '['.repeat(5000) + ']'.repeat(5000);
const huge = `{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`;
const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20) }]);
const bodyAttacks: Attack[] = (
  [
    ['array body', (r) => r.set('content-type', 'application/json').send('[]')],
    ['string body', (r) => r.set('content-type', 'application/json').send('"x"')],
    ['number body', (r) => r.set('content-type', 'application/json').send('123')],
    ['invalid JSON', (r) => r.set('content-type', 'application/json').send('{"a":')],
    ['unknown fields', (r) => r.send({ zzz: 1, yyy: { xxx: [1, 2] } })],
    ['__proto__ key', (r) => r.set('content-type', 'application/json').send('{"__proto__":{"admin":true}}')],
    ['constructor key', (r) => r.send({ constructor: { prototype: { admin: true } } })],
    ['deep nesting', (r) => r.set('content-type', 'application/json').send(deep)],
    ['2 MB body', (r) => r.set('content-type', 'application/json').send(huge)],
    [
      'NUL in strings',
      (r) => r.send({ code: 'A\u0000', name: '\u0000', slug: 'x\u0000', username: '\u0000' }),
    ],
    [
      'lone surrogates',
      (r) => r.set('content-type', 'application/json').send('{"code":"\\ud800","name":"\\udfff"}'),
    ],
    ['wrong types', (r) => r.send({ code: 12, name: [], year: 'x', definition: 'x', units: 5, count: -1 })],
    [
      'gzip header, plain body',
      (r) => r.set('content-type', 'application/json').set('content-encoding', 'gzip').send('{}'),
    ],
    [
      'unknown encoding',
      (r) => r.set('content-type', 'application/json').set('content-encoding', 'x-zz').send('{}'),
    ],
    ['koi8-r charset', (r) => r.set('content-type', 'application/json; charset=koi8-r').send('{}')],
    [
      'XLSX bomb',
      (r) =>
        r.set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(bomb),
    ],
    ['CSV with NUL', (r) => r.set('content-type', 'text/csv').send('a,b\n\u0000,1\n')],
  ] as Array<[string, Attack['send']]>
).map(([name, send]) => ({ name, send }));

const queryAttacks: Attack[] = (
  [
    ['NUL in the query', (r) => r.query({ lang: 'en', q: '\u0000', format: '\u0000' })],
    ['huge query', (r) => r.query({ q: 'x'.repeat(20_000) })],
    ['repeated parameter', (r) => r.query('year=1&year=2&format=csv&format=json')],
  ] as Array<[string, Attack['send']]>
).map(([name, send]) => ({ name, send }));

function concrete(path: string, slug: string): string {
  return path
    .replace(/\{\.:\w+\}$/, '')
    .replace(':slug', slug)
    .replace(':family', 'ddci-test')
    .replace(/:\w+/g, 'x');
}

describeEachDatabase('hostile input on every endpoint', (ctx) => {
  let app: Express;
  let slug: string;

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
    await issue(app, slug, { count: 3 });
  });

  it(`${ROUTE_DOCS.length} documented endpoints × hostile bodies, queries and paths: no 5xx, no hang, no row changed`, async function () {
    this.timeout(600_000);
    const before = await tableCounts(ctx.database);
    const failures: string[] = [];
    let sent = 0;
    for (const doc of ROUTE_DOCS) {
      const path = concrete(doc.path, slug);
      const attacks = doc.method === 'get' ? queryAttacks : [...bodyAttacks, ...queryAttacks];
      for (const attack of attacks) {
        for (const auth of [true, false]) {
          let r = request(app)[doc.method](path).timeout(15_000);
          if (auth) r = r.set('authorization', `Bearer ${ANALYST_TOKEN}`);
          sent++;
          try {
            const res = await attack.send(r);
            if (res.status >= 500)
              failures.push(
                `${doc.method} ${doc.path} ${attack.name}: ${res.status} ${res.text.slice(0, 120)}`,
              );
          } catch (e) {
            failures.push(`${doc.method} ${doc.path} ${attack.name}: ${(e as Error).message}`);
          }
        }
      }
      const bad = await request(app)[doc.method](`${path}/%E0%A4%A`).timeout(15_000);
      sent++;
      if (bad.status >= 500) failures.push(`${doc.method} ${doc.path} bad percent-encoding: ${bad.status}`);
    }
    const after = await tableCounts(ctx.database);
    const changed = Object.keys(after).filter((t) => !MOVABLE.has(t) && after[t] !== before[t]);
    console.log(
      `      ${sent} hostile requests, ${failures.length} failures, tables changed: ${changed.join(', ') || 'none'}`,
    );
    expect(failures).to.deep.equal([]);
    expect(changed.map((t) => `${t}: ${before[t]} -> ${after[t]}`)).to.deep.equal([]);
  });
});
