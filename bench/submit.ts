// npm run bench:submit -- [--duration 10] [--connections 50]
//
// autocannon against POST /api/v1/surveys/:slug/responses, each request with a different
// pre-issued code and a valid synthetic response. PGlite in a temporary directory by default;
// DATABASE_URL for a PostgreSQL server (the bench adds its own family and edition; use a scratch
// database). Prints req/s, p50 and p99 latency, then checks that the number of stored responses
// equals the number of acknowledged (200) submissions.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { count, eq } from 'drizzle-orm';
import { randomSource } from '#scoring/random.js';
import { createApp } from '#server/app.js';
import { openDatabase } from '#server/db/client.js';
import { blocks, families, responses, units } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { synthesizeResponse } from '#server/seed/demo-responses.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { issueCodes } from '#server/collection/codes.js';
import { createSurveyEdition, vietnamToday } from '#server/collection/editions.js';
import { ddciDemo2025 } from '#surveys/shipped.js';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration > 0) || !(connections > 0))
  throw new Error('--duration and --connections must be positive numbers');

const url = process.env.DATABASE_URL;
const tmp = url ? undefined : mkdtempSync(path.join(os.tmpdir(), 'bench-submit-'));
const database = await openDatabase(url ? { url } : { dataDir: path.join(tmp!, 'db') });
await database.migrate();
const db = database.db;
const tag = randomBytes(4).toString('hex');
console.log(`database: ${database.kind}${url ? '' : ` (${tmp})`}; ${connections} connections, ${duration} s`);

// A small province of its own, so the bench can run against any database.
const [family] = await db
  .insert(families)
  .values({ code: `bench-${tag}`, kind: 'ddci', nameVi: 'Benchmark', nameEn: 'Benchmark', isDemo: 1 })
  .returning();
const [dept, loc] = await db
  .insert(blocks)
  .values([
    { familyId: family!.id, code: 'departments', nameVi: 'Sở', nameEn: 'Departments' },
    { familyId: family!.id, code: 'localities', nameVi: 'Xã', nameEn: 'Localities' },
  ])
  .returning();
const deptCodes = Array.from({ length: 20 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
const locCodes = Array.from({ length: 15 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`);
await db
  .insert(units)
  .values([
    ...deptCodes.map((code) => ({ blockId: dept!.id, code, nameVi: code, nameEn: code })),
    ...locCodes.map((code) => ({ blockId: loc!.id, code, nameVi: code, nameEn: code })),
  ]);
const today = vietnamToday();
const edition = await createSurveyEdition(db, {
  family: family!.code,
  year: 2025,
  slug: `bench-${tag}`,
  definition: ddciDemo2025,
  opensOn: '2000-01-01',
  closesOn: today > '2099-12-31' ? today : '2099-12-31',
  units: { departments: deptCodes, localities: locCodes },
});

const secret = randomBytes(32).toString('hex');
const perSecond = database.kind === 'pglite' ? 400 : 3000;
const codeCount = Math.ceil(duration * perSecond);
let t = Date.now();
const codes = (
  await issueCodes(
    db,
    codeHasher(secret),
    edition.id,
    Array.from({ length: codeCount }, () => ({})),
  )
).map((c) => c.code);
console.log(`issued ${codes.length} codes in ${((Date.now() - t) / 1000).toFixed(1)} s`);

const rng = randomSource('bench-submit');
const ctx = {
  definition: ddciDemo2025,
  units: {
    departments: deptCodes.map((code) => ({ code, weight: 1 })),
    localities: locCodes.map((code) => ({ code, weight: 1 })),
  },
  quality: (_b: string, u: string) => (u.charCodeAt(2) % 5) / 3 - 0.6,
};
const bodies = Array.from({ length: 256 }, () =>
  synthesizeResponse(ctx, rng, {
    profile: { size: rng.int(1, 6), sector: rng.int(1, 11), ownership: rng.int(1, 9) },
    bias: rng.normal(0, 0.5),
    straightLiner: false,
  }),
);

const app = createApp({
  config: { bodyLimitBytes: 1024 * 1024, trustProxy: false, nodeEnv: 'production', codeSecret: secret },
  database,
  logger: createLogger('warn'),
});
const server = await new Promise<Server>((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const port = (server.address() as { port: number }).port;

let next = 0;
let exhausted = false;
// Per connection (context), the body in flight; a 200 marks it acknowledged.
const sent: string[] = [];
const acked = new Set<number>();
const failures = new Map<number, string>();
t = Date.now();
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections,
  duration,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: `/api/v1/surveys/${edition.slug}/responses`,
      headers: { 'content-type': 'application/json' },
      setupRequest: (req, context) => {
        const i = next++;
        if (i >= codes.length) exhausted = true;
        const code = codes[i % codes.length];
        sent[i] = JSON.stringify({
          code,
          submissionId: `bench-${tag}-${i}`,
          response: bodies[i % bodies.length],
          durationSeconds: 900,
        });
        (context as { i: number }).i = i;
        return { ...req, body: sent[i] };
      },
      onResponse: (status, body, context) => {
        if (status === 200) acked.add((context as { i: number }).i);
        else if (failures.size < 5) failures.set(status, body.slice(0, 300));
      },
    },
  ],
});
// autocannon drops requests still in flight when time is up; the server may have stored them.
// A client would retry with the same submissionId: do that, which must not store anything twice.
let retried = 0;
for (let i = 0; i < sent.length; i++) {
  if (acked.has(i) || sent[i] === undefined) continue;
  retried++;
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/surveys/${edition.slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: sent[i],
  });
  if (res.status === 200) acked.add(i);
}
server.closeAllConnections();
await new Promise<void>((resolve) => server.close(() => resolve()));

for (const [status, body] of failures) console.log(`first ${status}: ${body}`);
const [stored] = await db
  .select({ n: count() })
  .from(responses)
  .where(eq(responses.surveyEditionId, edition.id));
const acknowledged = acked.size;
console.log('');
console.log(
  `requests:     ${result.requests.total} completed (${result['2xx']} × 200, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts)`,
);
console.log(`in flight:    ${retried} cut off at the end, retried with the same submissionId`);
console.log(`acknowledged: ${acknowledged} submissions`);
console.log(
  `throughput:   ${result.requests.average.toFixed(1)} req/s (mean over ${result.duration.toFixed(1)} s)`,
);
console.log(
  `latency:      p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (max ${result.latency.max} ms)`,
);
console.log(`stored:       ${stored!.n} responses`);
const ok = stored!.n === acknowledged && !exhausted;
if (exhausted) console.log('WARNING: ran out of pre-issued codes; raise perSecond in bench/submit.ts');
console.log(
  ok
    ? 'check:        stored responses == acknowledged submissions ✔'
    : `check FAILED: ${stored!.n} stored vs ${acknowledged} acknowledged`,
);

await database.close();
if (tmp) rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
