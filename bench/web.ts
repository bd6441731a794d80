// bench:web: the public page in headless Chromium (Debian's /usr/bin/chromium). Prints
//  1. navigation → a rendered 63-row PCI ranking with its strip chart (median of runs, target < 300 ms);
//  2. what-if slider change → re-rendered table and chart (median of changes, target < 16 ms).
// PGlite in memory with the shipped PCI published as releases; the client must be built (npm run build).
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createApp } from '#server/app.js';
import { openDatabase } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { importShippedPci } from '#server/import/run.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { createReleaseService } from '#server/releases/service.js';
import { ephemeralSigningKey } from '#server/releases/signing.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, changes: { type: 'string', default: '40' } },
});
const runs = Number(values.runs);
const changes = Number(values.changes);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

console.log('bench:web: seeding PCI 2006–2016 and publishing it as releases…');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-web-'));
const database = await openDatabase({ dataDir: path.join(tmp, 'db'), purpose: 'bench-web' });
await database.migrate();
await importShippedPci(database.db);
const releases = createReleaseService(database.db, ephemeralSigningKey(), path.join(tmp, 'public'));
await publishImportedEditions(database.db, releases.key, 'pci');
await releases.refresh();
const app = createApp({
  config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production' },
  database,
  logger: createLogger('silent'),
  client: staticClient(),
  releases,
});
const server = await new Promise<Server>((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const port = (server.address() as { port: number }).port;
const url = `http://127.0.0.1:${port}/rankings/pci/2016?lang=en`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

/** True once the table has 63 rows and the chart has drawn 63 units (both inside shadow roots). */
const rendered = () => {
  const pageEl = document.querySelector('ci-app')?.shadowRoot?.querySelector('ci-ranking-page');
  const table = pageEl?.shadowRoot?.querySelector('ci-ranking-table');
  const chart = pageEl?.shadowRoot?.querySelector('ci-strip-chart');
  return (
    (table?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) === 63 &&
    (chart?.shadowRoot?.querySelectorAll('g.unit').length ?? 0) === 63
  );
};

// Warm-up (HTTP cache for the bundle as a returning reader has it, and the server's file cache).
await page.goto(url);
await page.waitForFunction(rendered, undefined, { polling: 'raf' });
const loads: number[] = [];
for (let i = 0; i < runs; i++) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(rendered, undefined, { polling: 'raf' });
  loads.push(await page.evaluate(() => performance.now()));
  process.stdout.write(`\r  navigation ${i + 1}/${runs}`);
}
console.log();

const updates: number[] = await page.evaluate(async (n) => {
  const pageEl = document
    .querySelector('ci-app')!
    .shadowRoot!.querySelector('ci-ranking-page')! as HTMLElement & { updateComplete: Promise<unknown> };
  pageEl.shadowRoot!.querySelector('details.whatif')!.setAttribute('open', '');
  const app = document.querySelector('ci-app') as HTMLElement & { updateComplete: Promise<unknown> };
  const panel = pageEl.shadowRoot!.querySelector('ci-what-if-panel')!;
  const table = pageEl.shadowRoot!.querySelector('ci-ranking-table') as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  const chart = pageEl.shadowRoot!.querySelector('ci-strip-chart') as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const slider = panel.shadowRoot!.querySelector<HTMLInputElement>('input[data-component="transparency"]')!;
    const t0 = performance.now();
    slider.value = String(i % 2 ? 0 : 20);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await app.updateComplete;
    await pageEl.updateComplete;
    await table.updateComplete;
    await chart.updateComplete;
    out.push(performance.now() - t0);
    await new Promise((r) => requestAnimationFrame(r));
  }
  return out;
}, changes);

const nav = median(loads);
const change = median(updates);
console.log(
  `navigation → 63-row ranking with chart: median ${ms(nav)} (min ${ms(Math.min(...loads))}, ${runs} runs; target < 300 ms: ${nav < 300 ? 'ok' : 'OVER'})`,
);
console.log(
  `what-if slider → re-rendered table and chart: median ${ms(change)} (max ${ms(Math.max(...updates))}, ${changes} changes; target < 16 ms: ${change < 16 ? 'ok' : 'OVER'})`,
);
console.log(`ratio to targets: navigation ${(nav / 300).toFixed(2)}, what-if ${(change / 16).toFixed(2)}`);

await browser.close();
await new Promise((r) => server.close(r));
await database.close?.();
rmSync(tmp, { recursive: true, force: true });
