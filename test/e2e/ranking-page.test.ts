import { expect } from 'chai';
import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '#server/app.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { importShippedPci } from '#server/import/run.js';
import { publishDemoReleases } from '#server/publish/demo.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { seedDemo } from '#server/seed/demo.js';
import { launchBrowser } from '#test/support/browser.js';
import { backends, resetDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';

const OUT = 'test-output/screenshots';

describe('ranking page (browser)', function () {
  this.timeout(180_000);
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    const database = await backends()[0]!.get();
    await resetDatabase(database);
    await importShippedPci(database.db);
    await seedDemo(database.db, () => {}, { firms: 700 });
    const releases = testReleases(database.db);
    await publishImportedEditions(database.db, releases.key, 'pci');
    await publishDemoReleases(database.db, releases.key, () => {}, { resamples: 20 });
    await releases.refresh();
    const app = createApp({
      releases,
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production' },
      database,
      logger: createLogger('silent'),
      client: staticClient(),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(OUT, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  const rowUnits = () => page.locator('ci-ranking-table tbody tr th.unit').allTextContents();
  const cell = async (row: number, selector: string) =>
    (await page.locator(`ci-ranking-table tbody tr >> nth=${row}`).locator(selector).textContent())?.trim();

  it('opens /rankings/pci/2016 and shows 63 rows in rank order with Vietnamese number formats', async () => {
    await page.goto(`${base}/rankings/pci/2016`);
    await page.locator('ci-ranking-table tbody tr').nth(62).waitFor();
    expect(await page.locator('ci-ranking-table tbody tr').count()).to.equal(63);
    const units = await rowUnits();
    expect(units[0]).to.equal('Đà Nẵng');
    expect(await cell(0, 'td.composite')).to.equal('70,00');
    expect(await cell(0, '.badge')).to.equal('Rất tốt');
    expect(await page.locator('h1').textContent()).to.include('2016');
    await page.screenshot({ path: `${OUT}/ranking-2016-vi.png`, fullPage: false });
  });

  it('switches to English and keeps the language in the URL', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: /^Rank/ }).waitFor();
    expect(page.url()).to.match(/\/rankings\/pci\/2016\?lang=en$/);
    expect(await cell(0, 'td.composite')).to.equal('70.00');
    expect(await cell(0, '.badge')).to.equal('Excellent');
    expect((await rowUnits())[0]).to.equal('Da Nang');
    await page.screenshot({ path: `${OUT}/ranking-2016-en.png` });
  });

  it('sorts by a sub-index column, high to low, and back', async () => {
    await page.getByRole('button', { name: /^Transparency/ }).click();
    expect(page.url()).to.include('sort=transparency');
    const values = await page
      .locator('ci-ranking-table tbody td[data-component="transparency"]')
      .allTextContents();
    const numbers = values.map(Number);
    expect(numbers).to.deep.equal([...numbers].sort((a, b) => b - a));
    expect(
      await page.getByRole('columnheader', { name: /^Transparency/ }).getAttribute('aria-sort'),
    ).to.equal('descending');
    await page.getByRole('button', { name: /^Transparency/ }).click();
    const asc = (
      await page.locator('ci-ranking-table tbody td[data-component="transparency"]').allTextContents()
    ).map(Number);
    expect(asc).to.deep.equal([...asc].sort((a, b) => a - b));
  });

  it('reloading the URL restores the same view, and changing the year loads that edition', async () => {
    await page.reload();
    await page.locator('ci-ranking-table tbody tr').nth(62).waitFor();
    expect(
      await page.getByRole('columnheader', { name: /^Transparency/ }).getAttribute('aria-sort'),
    ).to.equal('ascending');
    await page.getByLabel('Year').selectOption('2008');
    await page.locator('ci-ranking-table tbody tr').nth(63).waitFor();
    expect(page.url()).to.match(/\/rankings\/pci\/2008\?/);
    expect(await rowUnits()).to.include('Ha Tay');
  });

  it('fits a phone screen: the table scrolls inside its box, not the page', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await phone.goto(`${base}/rankings/pci/2016?lang=en`);
    await phone.locator('ci-ranking-table tbody tr').nth(62).waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).to.be.at.most(0);
    await phone.screenshot({ path: `${OUT}/ranking-2016-phone.png` });
    await phone.close();
  });

  it('shows the demo DDCI with its banner, a block selector and reasons for unpublished scores', async () => {
    await page.goto(`${base}/rankings/ddci-demo/2025?lang=en`);
    await page.getByRole('note').waitFor();
    expect(await page.getByRole('note').textContent()).to.include('DEMO DATA');
    await page.getByLabel('Block').selectOption('localities');
    await page.locator('ci-ranking-table tbody tr').first().waitFor();
    expect(page.url()).to.include('block=localities');
    const headers = await page.locator('ci-ranking-table thead th').allTextContents();
    expect(headers.join('|')).to.include('Land access');
    // With 700 sampled firms some communes get fewer than the 10 respondents a published score needs.
    const missing = page.locator('ci-ranking-table abbr.reason');
    expect(await missing.count()).to.be.greaterThan(0);
    expect(await missing.first().getAttribute('title')).to.equal(
      'Not published: too few firms rated this unit',
    );
    await page.screenshot({ path: `${OUT}/ddci-demo-2025-localities-en.png` });
  });
});
