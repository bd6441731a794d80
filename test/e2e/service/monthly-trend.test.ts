import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '#server/app.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { SERVICE_DEMO_FAMILY, seedServiceDemo } from '#server/monthly/demo.js';
import { publishServiceDemoReleases } from '#server/monthly/publish.js';
import { CODE_SECRET } from '#test/server/collection/support.js';
import { launchBrowser } from '#test/support/browser.js';
import { backends } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';
import { seriousViolations } from '#test/e2e/public/axe.js';

const SCREENSHOTS = 'test-output/screenshots';
const MONTHS = 4;
const CENTRE = 'TTPV_TINH';

describe('a service centre’s monthly trend on its public profile page (browser)', function () {
  this.timeout(600_000);
  let server: Server;
  let base: string;
  let browser: Browser;

  before(async function () {
    // The demo service centres through the real paths (visits via storeResponse and the mixer,
    // delivery figures via the import, releases via the release module), four months of them.
    const database = await backends()[0]!.get();
    await seedServiceDemo(database.db, () => {}, { months: MONTHS });
    const releases = testReleases(database.db);
    await publishServiceDemoReleases(database.db, releases.key, () => {}, { resamples: 0 });
    await releases.refresh();
    const app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production', codeSecret: CODE_SECRET },
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
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser(this);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  const open = async (width: 1280 | 375, path: string): Promise<Page> => {
    const page = await browser.newPage({
      viewport: { width, height: width === 375 ? 812 : 900 },
      deviceScaleFactor: width === 375 ? 2 : 1,
    });
    await page.goto(`${base}${path}`);
    return page;
  };

  for (const width of [1280, 375] as const)
    it(`/units/${SERVICE_DEMO_FAMILY}/${CENTRE} shows one point per month, labelled by month (${width} px)`, async () => {
      const page = await open(width, `/units/${SERVICE_DEMO_FAMILY}/${CENTRE}?lang=en`);
      await page.locator('ci-trend-chart circle.dot').first().waitFor({ state: 'attached' });
      expect(await page.locator('ci-trend-chart circle.dot').count()).to.equal(MONTHS);
      const ticks = await page.locator('ci-trend-chart svg text').allTextContents();
      expect(ticks).to.include.members(['1/2026', '2', '3', '4']);
      const history = await page.locator('ci-profile-history tbody th').allTextContents();
      expect(history.map((t) => t.trim())).to.include.members(['January 2026', 'April 2026']);
      expect(await page.locator('h1').first().textContent()).to.contain('Provincial');
      await page.screenshot({ path: `${SCREENSHOTS}/service-profile-${width}.png`, fullPage: true });
      expect(await seriousViolations(page)).to.deep.equal([]);
      await page.close();
    });

  it('the monthly ranking names the month and gives suppressed centres their reason (1280 px)', async () => {
    const page = await open(1280, `/rankings/${SERVICE_DEMO_FAMILY}/202603?lang=en`);
    await page.locator('ci-ranking-table tbody tr').first().waitFor();
    expect(await page.locator('h1').first().textContent()).to.contain('March 2026');
    await page.screenshot({ path: `${SCREENSHOTS}/service-ranking-202603-1280.png`, fullPage: true });
    await page.close();
  });

  it('the profile in Vietnamese names months as "tháng M/YYYY"', async () => {
    const page = await open(1280, `/units/${SERVICE_DEMO_FAMILY}/${CENTRE}`);
    await page.locator('ci-profile-history tbody th').first().waitFor();
    const history = await page.locator('ci-profile-history tbody th').allTextContents();
    expect(history.map((t) => t.trim())).to.include('tháng 2/2026');
    await page.close();
  });
});
