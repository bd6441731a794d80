// npm run bench:read -- [--duration 10] [--connections 50]
//
// autocannon against public reads served from a release: the PCI 2016 ranking and a unit profile
// (Hà Nội across 2006–2016 with Hà Tây), plain and conditional (If-None-Match → 304), next to GET
// /healthz as the floor of the HTTP stack. The PCI history is imported and published as releases
// into a temporary PGlite folder first. Prints req/s, p50 and p99 per URL and the ratio to /healthz.

import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp } from '#server/app.js';
import { openDatabase } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';
import { importShippedPci } from '#server/import/run.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { createReleaseService } from '#server/releases/service.js';
import { ephemeralSigningKey } from '#server/releases/signing.js';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration > 0) || !(connections > 0))
  throw new Error('--duration and --connections must be positive numbers');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-read-'));
const database = await openDatabase({ dataDir: path.join(tmp, 'db'), purpose: 'npm run bench:read' });
await database.migrate();
console.log('loading PCI 2006–2016 and publishing it as releases…');
await importShippedPci(database.db);
const releases = createReleaseService(database.db, ephemeralSigningKey(), path.join(tmp, 'public'));
await publishImportedEditions(database.db, releases.key, 'pci');
const written = await releases.refresh();
console.log(`${written.releases} releases, ${written.files} public files`);

const app = createApp({
  config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production' },
  database,
  logger: createLogger('silent'),
  releases,
});
const server = await new Promise<Server>((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

async function run(label: string, url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url: `${base}${url}`, connections, duration, headers });
  const bad = r.non2xx - (headers['if-none-match'] ? (r['3xx'] ?? 0) : 0);
  console.log(
    `${label.padEnd(34)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms` +
      (bad > 0 || r.errors > 0 ? `  (${bad} unexpected status, ${r.errors} errors)` : ''),
  );
  return r.requests.average;
}

console.log(`${connections} connections, ${duration} s each`);
const floor = await run('GET /healthz (floor)', '/healthz');
const ranking = await run('GET /api/v1/rankings/pci/2016', '/api/v1/rankings/pci/2016');
const etag = (await fetch(`${base}/api/v1/rankings/pci/2016`)).headers.get('etag')!;
const cond = await run('  same, If-None-Match (304)', '/api/v1/rankings/pci/2016', { 'if-none-match': etag });
const profile = await run('GET /api/v1/units/pci/hanoi', '/api/v1/units/pci/hanoi');
const csv = await run('GET /api/v1/rankings/pci/2016.csv', '/api/v1/rankings/pci/2016.csv');
console.log(
  `ratio to /healthz: ranking ${(ranking / floor).toFixed(2)}, 304 ${(cond / floor).toFixed(2)}, profile ${(profile / floor).toFixed(2)}, csv ${(csv / floor).toFixed(2)}`,
);
await new Promise<void>((resolve) => server.close(() => resolve()));
await database.close();
rmSync(tmp, { recursive: true, force: true });
