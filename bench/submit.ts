// npm run bench:submit -- [--duration 10] [--connections 50]
//
// autocannon against POST /api/v1/surveys/:slug/responses, each request with a different
// pre-issued code and a valid synthetic response, with the mixer running as the scheduled job does
// (every second here, batches of k = 20). Then the same load against a baseline endpoint that does
// exactly the writes of one submission (claim + sealed pending row, storeResponse) without HTTP
// validation, and the ratio of the two. PGlite in a temporary directory by default; DATABASE_URL
// for a PostgreSQL server (the bench adds its own family and edition; use a scratch database).
// Prints req/s, p50 and p99 latency, then checks that the number of stored responses equals the
// number of acknowledged (200) submissions once the mixer has stored its final batch.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import express from 'express';
import { count, eq } from 'drizzle-orm';
import { randomSource } from '#scoring/random.js';
import { createApp } from '#server/app.js';
import { openDatabase, type Db } from '#server/db/client.js';
import { committed, groupCommitStats } from '#server/db/group-commit.js';
import { blocks, families, responses, units } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { synthesizeResponse } from '#server/seed/demo-responses.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { startCollectionJobs } from '#server/collection/jobs.js';
import { runMixer } from '#server/collection/mixer.js';
import { storeResponse } from '#server/collection/submit.js';
import type { SurveyResponse } from '#surveys/types.js';
import { loadSubmissions, type LoadRun } from './submit-load.js';
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
const WARM_UP_SECONDS = 2;
const hasher = codeHasher(secret);
const t = Date.now();
const issue = async (n = codeCount) =>
  (
    await issueCodes(
      db,
      hasher,
      edition.id,
      Array.from({ length: n }, () => ({})),
    )
  ).map((c) => c.code);
const codes = await issue();
const baselineCodes = await issue();
const aloneCodes = database.kind === 'pglite' ? await issue() : undefined;
const warmUpCodes = [await issue(WARM_UP_SECONDS * perSecond), await issue(WARM_UP_SECONDS * perSecond)];
console.log(
  `issued 2 × ${codes.length} codes (and 2 × ${warmUpCodes[0]!.length} to warm up) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
);

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
// The baseline: the same JSON body, straight into the writes of one submission (no route
// validation, no response validation, no middleware but the JSON parser), committed as the real
// path commits them: on PGlite with group commit (concurrent submissions share a COMMIT, each in
// its own savepoint; server/db/group-commit.ts), on a server in a transaction of its own. On
// PGlite, /baseline-alone also commits each submission alone, as before group commit.
const baseline = express();
baseline.use(express.json({ limit: '1mb' }));
const storeBody = (alone: boolean) => async (req: express.Request, res: express.Response) => {
  const b = req.body as { code: string; submissionId: string; response: SurveyResponse };
  const work = (tx: Db) =>
    storeResponse(tx, hasher, edition, {
      code: b.code.replace(/-/g, ''),
      nonce: b.submissionId,
      response: b.response,
      channel: 'online',
      clientSeconds: 900,
    });
  await (alone ? db.transaction((tx) => work(tx as unknown as Db)) : committed(db, work));
  res.json({ status: 'accepted' });
};
baseline.post('/baseline', storeBody(false));
baseline.post('/baseline-alone', storeBody(true));
baseline.use('/', app);
const server = await new Promise<Server>((resolve) => {
  const s = baseline.listen(0, '127.0.0.1', () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const mixer = { k: 20, maxDelayMs: 0 };
const jobs = startCollectionJobs(db, hasher, { ...mixer, intervalSeconds: 1, draftIdleDays: 30 });

const stored = async () =>
  (await db.select({ n: count() }).from(responses).where(eq(responses.surveyEditionId, edition.id)))[0]!.n;
const report = (label: string, r: Run) => {
  console.log(`\n${label}`);
  for (const [status, body] of r.failures) console.log(`  first ${status}: ${body}`);
  console.log(
    `  requests:     ${r.requests} completed (${r.ok} × 200, ${r.other} other, ${r.errors} errors, ${r.timeouts} timeouts)`,
  );
  console.log(`  in flight:    ${r.retried} cut off at the end, retried with the same submissionId`);
  console.log(`  acknowledged: ${r.acknowledged} submissions`);
  console.log(`  throughput:   ${r.reqPerSec.toFixed(1)} req/s (mean over ${r.seconds.toFixed(1)} s)`);
  console.log(`  latency:      p50 ${r.p50} ms, p99 ${r.p99} ms (max ${r.max} ms)`);
  // Throughput follows the machine's load; CPU per request much less so (PGlite runs in-process).
  console.log(`  cpu:          ${r.cpuMsPerRequest.toFixed(2)} ms of the server process per request`);
  console.log(
    `  memory:       server resident ${r.rssStartMb.toFixed(0)} MB at the start, ${r.rssPeakMb.toFixed(0)} MB at most during the load, ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB after (target ≤ 500 MB)`,
  );
  if (r.groups && r.groups.transactions > 0)
    console.log(
      `  commits:      ${r.groups.transactions} submissions in ${r.groups.commits} group commits (${(r.groups.transactions / Math.max(1, r.groups.commits)).toFixed(1)} per COMMIT)`,
    );
  if (r.exhausted) console.log('  WARNING: ran out of pre-issued codes; raise perSecond in bench/submit.ts');
};
// The load generator runs in a child process (submit-load.ts), so the figures are the server's own.
// The setup's garbage (a fresh folder's initdb, issuing the codes) is collected before each load.
// V8 frees the external memory of a fresh folder's initdb (~420 MB) only after a few collections
// and a moment, once its finalizers have run.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = async () => {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};
type Run = LoadRun & { groups?: { transactions: number; commits: number } | undefined };
const load = async (path: string, list: string[], suffix: string, seconds = duration): Promise<Run> => {
  await settle();
  const start = groupCommitStats(db);
  const run = await loadSubmissions({
    base,
    path,
    codes: list,
    bodies,
    tag: `${tag}-${suffix}`,
    duration: seconds,
    connections,
  });
  const end = groupCommitStats(db);
  const groups =
    start && end
      ? { transactions: end.transactions - start.transactions, commits: end.commits - start.commits }
      : undefined;
  return { ...run, groups };
};

// Both endpoints first run untimed for a moment, so neither is measured cold (JIT, the compiled
// response validator, the edition and limiter caches, the pool's connections).
const realPath = `/api/v1/surveys/${edition.slug}/responses`;
const warmUp = [
  await load(realPath, warmUpCodes[0]!, 'ws', WARM_UP_SECONDS),
  await load('/baseline', warmUpCodes[1]!, 'wb', WARM_UP_SECONDS),
];
console.log(
  `warmed up:    ${WARM_UP_SECONDS} s on each endpoint, ${warmUp[0]!.acknowledged} + ${warmUp[1]!.acknowledged} submissions, not counted`,
);

const submit = await load(realPath, codes, 's');
report(
  'POST /api/v1/surveys/:slug/responses (validation + claim + sealed pending row; mixer every 1 s)',
  submit,
);
const before = await stored();
const plain = await load('/baseline', baselineCodes, 'b');
const grouped = database.kind === 'pglite' ? ', group commit as the real path' : '';
report(`baseline: the writes of one submission, without validation (storeResponse${grouped})`, plain);
const alone = database.kind === 'pglite' ? await load('/baseline-alone', aloneCodes!, 'a') : undefined;
if (alone) report('baseline, each submission committed alone (no group commit)', alone);
server.closeAllConnections();
await new Promise<void>((resolve) => server.close(() => resolve()));
await jobs.stop();
const final = await runMixer(db, hasher, mixer, { force: true });
const total = await stored();

console.log('');
console.log(
  `ratio:        submission ${submit.reqPerSec.toFixed(1)} / baseline ${plain.reqPerSec.toFixed(1)} req/s = ${(submit.reqPerSec / plain.reqPerSec).toFixed(2)}`,
);
if (alone)
  console.log(
    `              against the baseline committed alone: ${submit.reqPerSec.toFixed(1)} / ${alone.reqPerSec.toFixed(1)} req/s = ${(submit.reqPerSec / alone.reqPerSec).toFixed(2)}`,
  );
console.log(
  `mixer:        ${before} responses stored by the end of the submission load (warm-up included); ${total} after the final batch (${final.batches.join(', ') || 'none'} left)`,
);
await settle();
const mem = process.memoryUsage();
console.log(
  `memory:       resident ${(mem.rss / 1048576).toFixed(0)} MB: JavaScript heap ${(mem.heapUsed / 1048576).toFixed(0)} MB used of ` +
    `${(mem.heapTotal / 1048576).toFixed(0)}, outside the heap ${(mem.external / 1048576).toFixed(0)} MB (PGlite's WebAssembly memory, buffers); ` +
    'garbage collected first; the load generator ran in a child process',
);
const runs = [...warmUp, submit, plain, ...(alone ? [alone] : [])];
const acknowledged = runs.reduce((n, r) => n + r.acknowledged, 0);
const ok = total === acknowledged && runs.every((r) => !r.exhausted);
console.log(
  ok
    ? `check:        stored responses (${total}) == acknowledged submissions ✔`
    : `check FAILED: ${total} stored vs ${acknowledged} acknowledged`,
);

await database.close();
if (tmp) rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
