// npm run bench:answer: how fast the answering pages render on a phone network. Chromium with the
// DevTools "Slow 4G" profile (CDP Network.emulateNetworkConditions: 562.5 ms latency, 1.44 Mbit/s
// down, 675 kbit/s up) and, with --cpu N, CPU throttling. Prints the median of --runs runs of:
//   cold entry   navigation → the code form painted (HTML, JS, survey definition)
//   cold section navigation with the link form (#code=…) → the first section painted
//   next section click "Next" → the next section painted (the shipped 35-item per-unit page)
//   one request   navigation to /healthz → loaded: the floor of any first paint on this profile (a page
//                 that needs its HTML and then its script cannot paint before about twice this)
//   bytes         what the cold section had received on the wire when it painted (requests, KB)
//   main thread   the renderer's main-thread busy time (CDP TaskDuration) from navigation to that paint
// The build must exist (npm run build). Target: a section under 1 s.
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { openDatabase } from '#server/db/client.js';
import { issue, publishEdition, seedFamily, testApp } from '#test/server/collection/support.js';
import { startSurveyServer } from '#test/e2e/answer/support.js';
import { CHROMIUM } from '#test/support/browser.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, cpu: { type: 'string', default: '1' } },
});
const runs = Number(values.runs);
const cpu = Number(values.cpu);
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function headingIs(page: Page, text: RegExp): Promise<void> {
  try {
    await page.waitForFunction(
      (src) =>
        new RegExp(src).test(
          document.querySelector('ci-survey-app')?.shadowRoot?.querySelector('main h1')?.textContent ?? '',
        ),
      text.source,
      { polling: 'raf', timeout: 60_000 },
    );
  } catch (e) {
    // Say what the page showed instead, so a failed run can be understood.
    const shown = await page.evaluate(
      () => document.querySelector('ci-survey-app')?.shadowRoot?.querySelector('main')?.textContent,
    );
    console.error(`expected a heading ${text}; the page shows: ${shown?.replace(/\s+/g, ' ').slice(0, 300)}`);
    throw e;
  }
}

console.log('Setting up: embedded database, a published edition and codes…');
const database = await openDatabase({ memory: true });
await database.migrate();
await seedFamily(database.db);
const { app } = testApp(database);
const slug = await publishEdition(app);
const codes = await issue(app, slug, { count: runs * 2 + 2 });
const server = await startSurveyServer(database);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });

const figures = {
  floor: [] as number[],
  entry: [] as number[],
  section: [] as number[],
  next: [] as number[],
  bytes: [] as number[],
  requests: [] as number[],
  cpu: [] as number[],
};
type Cdp = Awaited<ReturnType<Awaited<ReturnType<typeof browser.newContext>>['newCDPSession']>>;
const busyMs = async (cdp: Cdp): Promise<number> =>
  1000 *
  ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });

  let t0 = Date.now();
  await page.goto(`${server.base}/healthz`, { waitUntil: 'load' });
  figures.floor.push(Date.now() - t0);
  await page.goto('about:blank');

  t0 = Date.now();
  await page.goto(`${server.base}/khao-sat/${slug}`, { waitUntil: 'commit' });
  await page.locator('#code').waitFor({ timeout: 60_000 });
  figures.entry.push(Date.now() - t0);

  await page.goto('about:blank');
  const wire = { bytes: 0, requests: 0 };
  const count = (e: { encodedDataLength: number }) => {
    wire.bytes += e.encodedDataLength;
    wire.requests++;
  };
  cdp.on('Network.loadingFinished', count);
  const busy0 = await busyMs(cdp);
  t0 = Date.now();
  await page.goto(`${server.base}/khao-sat/${slug}#code=${codes[i]}`, { waitUntil: 'commit' });
  await headingIs(page, /Giới thiệu/);
  figures.section.push(Date.now() - t0);
  figures.cpu.push(Math.round((await busyMs(cdp)) - busy0));
  cdp.off('Network.loadingFinished', count);
  figures.bytes.push(Math.round(wire.bytes / 1024));
  figures.requests.push(wire.requests);

  // Consent, both blocks, one department: then time Next onto the 35-item per-unit page.
  for (const [path, n] of [
    ['/answers/CONSENT', 0],
    ['/answers/BLOCK', 2],
    ['/answers/UNITS_DEPT', 0],
  ] as const) {
    await page.locator(`main [data-path="${path}"] label.option`).nth(n).click();
    if (path !== '/answers/UNITS_DEPT') await page.locator('.nav button.primary').click();
  }
  t0 = Date.now();
  await page.locator('.nav button.primary').click();
  await headingIs(page, /Đánh giá sở/);
  figures.next.push(Date.now() - t0);
  await context.close();
  process.stdout.write(`  run ${i + 1}/${runs} done\n`);
}

const line = (name: string, xs: number[]) =>
  console.log(`${name.padEnd(14)} median ${String(median(xs)).padStart(5)} ms   (runs: ${xs.join(', ')})`);
console.log(`\nSlow 4G (562.5 ms RTT, 1.44 Mbit/s down), CPU ×${cpu}, 375×812, cache disabled:`);
line('one request', figures.floor);
line('cold entry', figures.entry);
line('cold section', figures.section);
line('next section', figures.next);
line('main thread', figures.cpu);
console.log(
  `bytes          median ${median(figures.bytes)} KB in ${median(figures.requests)} request(s) on the wire when the section painted`,
);
console.log(`next section / 1 s target: ${(median(figures.next) / 1000).toFixed(2)}`);
console.log(
  `cold entry / 1 s target: ${(median(figures.entry) / 1000).toFixed(2)} · cold entry / one request: ${(median(figures.entry) / median(figures.floor)).toFixed(2)}`,
);
await browser.close();
await server.close();
await database.close();
