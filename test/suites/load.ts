// npm run test:load  -- [--seconds 60] [--clients 200] [--backend pglite|postgres|both]
// npm run test:crash -- the same load; the server is killed with SIGKILL at a random moment and
//                       restarted, and on PostgreSQL the database is also stopped and restarted.
// Prints throughput, p50/p99, status counts, downtime and recovery; compares the ledger of
// acknowledged submissions with the stored responses (equal, no duplicates). Exit 1 on any failure.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { codeHasher } from '#server/collection/code-hash.js';
import { runMixer } from '#server/collection/mixer.js';
import { openDatabase, type DatabaseTarget } from '#server/db/client.js';
import { startPgServer, type PgServer } from '#test/support/pg-server.js';
import { startChild, type Child } from './child.js';
import { drive, percentile, type Ledger } from './drive.js';
import { prepareLoad } from './setup.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '200' },
    backend: { type: 'string', default: 'both' },
    crash: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const crash = values.crash!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storedTokens(target: DatabaseTarget, secret: string, editionId: number): Promise<string[]> {
  const database = await openDatabase(target);
  try {
    await runMixer(database.db, codeHasher(secret), { k: 20, maxDelayMs: 0 }, { force: true });
    const r = await database.db.execute<{ t: string }>(
      sql`select answers->>'C2' as t from responses where survey_edition_id = ${editionId}`,
    );
    const rows =
      (r as unknown as { rows?: Array<{ t: string }> }).rows ?? (r as unknown as Array<{ t: string }>);
    return rows.map((x) => x.t);
  } finally {
    await database.close();
  }
}

async function msUntilReady(url: string, limitMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200)
        return Date.now() - t0;
    } catch {
      // not yet
    }
    await sleep(50);
  }
  return Infinity;
}

async function run(backend: 'pglite' | 'postgres'): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `suite-${backend}-`));
  let pg: PgServer | undefined;
  const secret = randomBytes(32).toString('hex');
  const port = 40000 + Math.floor(Math.random() * 10000);
  if (backend === 'postgres') pg = startPgServer(55600 + Math.floor(Math.random() * 300));
  const target: DatabaseTarget = pg ? { url: pg.url } : { dataDir: path.join(dataDir, 'db') };
  const env = {
    DATA_DIR: dataDir,
    CODE_SECRET: secret,
    PORT: String(port),
    SEED: 'false',
    LOG_LEVEL: 'error',
    MIX_INTERVAL_SECONDS: '1',
    NODE_ENV: 'production',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  };
  const perSecond = backend === 'pglite' ? 500 : 1500;
  const setup = await openDatabase(target);
  await setup.migrate();
  const fixture = await prepareLoad(setup.db, codeHasher(secret), Math.ceil(seconds * perSecond) + clients);
  await setup.close();
  let child: Child = await startChild(env);
  const events: string[] = [];
  const crashes: string[] = [];
  const chaos = crash
    ? (async () => {
        await sleep((0.25 + Math.random() * 0.3) * seconds * 1000);
        child.proc.kill('SIGKILL');
        await child.exited;
        const t0 = Date.now();
        child = await startChild(env);
        events.push(`server killed with SIGKILL and restarted: ${Date.now() - t0} ms until ready`);
        if (!pg) return;
        await sleep((0.05 + Math.random() * 0.1) * seconds * 1000);
        pg.stop('immediate');
        const down = Date.now();
        await sleep(2000);
        const during = await fetch(`${child.url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        pg.start();
        const recovery = await msUntilReady(child.url, 30_000);
        events.push(
          `PostgreSQL stopped (immediate) for ${Date.now() - down - recovery} ms: /readyz ${during} meanwhile; ready again ${recovery} ms after it accepted connections`,
        );
        if (!(recovery < 5000)) crashes.push(`recovery took ${recovery} ms (limit 5000)`);
        if (during !== 503) crashes.push(`/readyz answered ${during} while the database was down`);
      })()
    : Promise.resolve();
  const ledger: Ledger = await drive({ base: () => child.url, fixture, clients, seconds });
  await chaos;
  const unexpected = child.unexpected();
  if (unexpected) crashes.push(`the server exited on its own: ${unexpected}`);
  child.proc.kill('SIGTERM');
  await child.exited;
  const stored = await storedTokens(target, secret, fixture.editionId);
  pg?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
  return report(backend, ledger, stored, events, crashes);
}

function report(
  backend: string,
  ledger: Ledger,
  stored: string[],
  events: string[],
  problems: string[],
): boolean {
  const lat = [...ledger.latencies].sort((a, b) => a - b);
  const unique = new Set(stored);
  const lost = [...ledger.acknowledged].filter((t) => !unique.has(t));
  const foreign = [...unique].filter((t) => !ledger.sent.has(t));
  const extra = [...unique].filter((t) => !ledger.acknowledged.has(t));
  console.log(
    `\n== ${crash ? 'test:crash' : 'test:load'} on ${backend}: ${clients} respondents, ${seconds} s`,
  );
  for (const e of events) console.log(`  ${e}`);
  console.log(`  statuses:     ${[...ledger.byStatus].map(([k, v]) => `${v} × ${k}`).join(', ')}`);
  for (const [k, v] of ledger.firstFailure) console.log(`  first ${k}: ${v.slice(0, 160)}`);
  console.log(`  acknowledged: ${ledger.acknowledged.size} submissions in ${ledger.seconds.toFixed(1)} s`);
  console.log(`  throughput:   ${(ledger.acknowledged.size / seconds).toFixed(1)} acknowledged/s`);
  console.log(
    `  latency:      p50 ${percentile(lat, 50).toFixed(0)} ms, p99 ${percentile(lat, 99).toFixed(0)} ms`,
  );
  console.log(`  stored:       ${stored.length} responses (${stored.length - unique.size} duplicates)`);
  console.log(`  lost:         ${lost.length} acknowledged but not stored`);
  if (extra.length) console.log(`  unacknowledged but stored (cut off in flight): ${extra.length}`);
  if (stored.length !== unique.size) problems.push('duplicate responses stored');
  if (lost.length) problems.push(`${lost.length} acknowledged submissions lost`);
  if (foreign.length) problems.push(`${foreign.length} stored responses nobody sent`);
  // A request the client gave up on (2 min) may still have been stored: counted, and a failure
  // only in load mode, where nothing is killed and every request should have had its answer.
  if (!crash && extra.length)
    problems.push(`${extra.length} stored responses never acknowledged (client timeouts)`);
  if (ledger.exhausted) console.log('  note: ran out of pre-issued codes');
  for (const p of problems) console.log(`  FAILED: ${p}`);
  if (!problems.length) console.log('  check:        ledger == stored, no duplicates ✔');
  return problems.length === 0;
}

const backends =
  values.backend === 'both' ? (['pglite', 'postgres'] as const) : [values.backend as 'pglite' | 'postgres'];
let ok = true;
for (const b of backends) ok = (await run(b)) && ok;
process.exit(ok ? 0 : 1);
