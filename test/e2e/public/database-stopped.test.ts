import { expect } from 'chai';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { createApp } from '#server/app.js';
import { openDatabase, type Database } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { importShippedPci } from '#server/import/run.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { launchBrowser } from '#test/support/browser.js';
import { testReleases } from '#test/support/releases.js';
import { SCREENSHOTS } from './site.js';

const PAGES = [
  '/',
  '/rankings/pci/2016',
  '/units/pci/hanoi',
  '/compare/pci?units=hanoi~danang',
  '/trends/pci?units=hanoi~danang',
  '/methodology/pci/2016',
];

describe('public pages with the database stopped (browser)', function () {
  this.timeout(240_000);
  let database: Database;
  let server: Server;
  let browser: Browser;
  let base: string;

  before(async function () {
    browser = await launchBrowser(this);
    // A database of its own, so stopping it leaves other suites alone.
    database = await openDatabase({ memory: true });
    await database.migrate();
    await importShippedPci(database.db);
    const releases = testReleases(database.db);
    await publishImportedEditions(database.db, releases.key, 'pci');
    await releases.refresh();
    const app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production' },
      database,
      logger: createLogger('silent'),
      client: staticClient(),
      releases,
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await database.close();
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('GET /readyz says the database is down while the public data is up', async () => {
    expect((await fetch(`${base}/readyz`)).status).to.equal(503);
    expect((await fetch(`${base}/api/v1/rankings/pci/2016`)).status).to.equal(200);
  });

  for (const path of PAGES) {
    it(`loads ${path} with every API request answered`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const failed: string[] = [];
      page.on('response', (r) => {
        // The open-survey announcement is collection data, not release data: with the database down
        // it is a 503 and the page leaves the announcement out; every release read must succeed.
        if (r.status() === 503 && new URL(r.url()).pathname === '/api/v1/surveys/open') return;
        if (r.url().includes('/api/') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      expect(res?.status()).to.equal(200);
      // Text inside the components' shadow roots: a figure is on the page.
      await page.getByText(/\d/).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
      expect(failed).to.deep.equal([]);
      await page.screenshot({
        path: `${SCREENSHOTS}/db-stopped${path === '/' ? '_home' : path.replace(/[/?=~]/g, '_')}.png`,
        animations: 'disabled',
        timeout: 60_000,
      });
      await page.close();
    });
  }

  it('downloads the CSV and the signed release with the database stopped', async () => {
    const csv = await fetch(`${base}/api/v1/rankings/pci/2016.csv?lang=en`);
    expect(csv.status).to.equal(200);
    expect((await csv.text()).split('\r\n')).to.have.length.greaterThan(63);
    expect((await fetch(`${base}/api/v1/releases/pci-2016-r1`)).status).to.equal(200);
    expect((await fetch(`${base}/api/v1/releases/pci-2016-r1/signature.sig`)).status).to.equal(200);
  });
});
