// npx tsx bench/import-stall.ts — how long /healthz waits while a 20,000-row paper-form CSV of unknown
// codes is imported (it used to block every request for 3.4 s). Prints the import time and the
// worst and median /healthz latency measured every 20 ms during it. PGlite in memory.
import request from 'supertest';
import { openDatabase } from '#server/db/client.js';
import { ANALYST_TOKEN, publishEdition, seedFamily, testApp } from '#test/server/collection/support.js';

const database = await openDatabase({ memory: true });
await database.migrate();
await seedFamily(database.db);
const { app } = testApp(database);
const slug = await publishEdition(app);
const template = await request(app)
  .get(`/api/v1/admin/survey-editions/${slug}/import-template.csv`)
  .set('authorization', `Bearer ${ANALYST_TOKEN}`);
const header = template.text
  .replace(/^\uFEFF/, '')
  .trim()
  .split('\r\n')[0]!;
const columns = header.split(',').length;
const rows = Array.from({ length: 20_000 }, (_, i) =>
  [`ZZZZ-ZZZZ-ZZZZ-${String(i % 100).padStart(2, '0')}`, 'paper', ...Array(columns - 2).fill('')].join(','),
);
const csv = [header, ...rows].join('\n');
console.log(`file: ${columns} columns, ${(csv.length / 1e6).toFixed(1)} MB`);
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const latencies: number[] = [];
let importing = true;
let failed = 0;
const probe = (async () => {
  while (importing) {
    const t0 = performance.now();
    try {
      await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) });
      latencies.push(performance.now() - t0);
    } catch {
      failed++;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
})();
const t0 = performance.now();
const res = await request(server)
  .post(`/api/v1/admin/survey-editions/${slug}/imports`)
  .set('authorization', `Bearer ${ANALYST_TOKEN}`)
  .set('content-type', 'text/csv')
  .send(csv);
const body = res.body as { error?: { total?: number; details?: unknown[] } };
const ms = performance.now() - t0;
importing = false;
await probe;
latencies.sort((a, b) => a - b);
console.log(
  `import of 20,000 rows: ${res.status} in ${(ms / 1000).toFixed(1)} s (${body.error?.details?.length ?? 0} errors listed of ${body.error?.total ?? '?'})`,
);
console.log(
  `/healthz during it: ${latencies.length} probes (${failed} failed), median ${latencies[latencies.length >> 1]!.toFixed(0)} ms, worst ${latencies[latencies.length - 1]!.toFixed(0)} ms`,
);
server.close();
await database.close();
