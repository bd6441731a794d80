import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '#server/app.js';
import { openDatabase, type Database } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { seedDemo } from '#server/seed/demo.js';
import { launchBrowser } from '#test/support/browser.js';
import { createTestUser, type TestUser } from '#test/support/users.js';
import { axeViolations, shoot } from './support.js';

const OUT = 'test-output/screenshots/workspace';

describe('methodology editor: rules form and Monte Carlo rank intervals (browser)', function () {
  this.timeout(300_000);
  let database: Database;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let analyst: TestUser;

  before(async function () {
    browser = await launchBrowser(this);
    mkdirSync(OUT, { recursive: true });
    database = await openDatabase({ memory: true });
    await database.migrate();
    await seedDemo(database.db, () => {}, { firms: 300 });
    analyst = await createTestUser(database.db, 'analyst');
    const app = createApp({
      config: {
        bodyLimitBytes: 8 << 20,
        trustProxy: false,
        nodeEnv: 'production',
        codeSecret: 'x'.repeat(40),
      },
      database,
      logger: createLogger('silent'),
      client: staticClient(),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await ctx.newPage();
    await page.goto(`${base}/admin`);
    await page.fill('ws-login input[name=username]', analyst.username);
    await page.fill('ws-login input[name=password]', analyst.password);
    await page.click('ws-login button[type=submit]');
    await page.waitForSelector('ws-editions');
    await page.goto(`${base}/admin/methodology/ddci-demo/2025`);
    await page.waitForSelector('ws-methodology tbody tr').catch(async (e) => {
      await page.screenshot({ path: `${OUT}/debug-sensitivity.png`, fullPage: true });
      throw e;
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await database?.close();
  });

  const panel = 'ws-methodology ws-sensitivity';

  it('a run shows progress and can be cancelled, leaving no result', async () => {
    await page.selectOption(`${panel} select >> nth=0`, '20000');
    await page.click(`${panel} button[type=submit]`);
    await page.waitForSelector(`${panel} progress`);
    await page.click(`${panel} button:has-text("Huỷ")`, { force: true });
    await page.waitForSelector(`${panel} progress`, { state: 'detached' });
    expect(await page.locator(`${panel} tbody tr`).count()).to.equal(0);
    expect(await page.locator(`${panel} button[type=submit]`).isEnabled()).to.equal(true);
  });

  it('a finished run gives each unit its nominal rank and 5–95 % interval as a chart and a table', async () => {
    await page.selectOption(`${panel} select >> nth=0`, '1000');
    await page.click(`${panel} button[type=submit]`);
    await page.waitForSelector(`${panel} tbody tr`, { timeout: 120_000 });
    const previewRows = await page.locator('ws-methodology section#preview tbody tr').count();
    const rows = page.locator(`${panel} tbody tr`);
    expect(await rows.count()).to.equal(previewRows);
    expect(await page.locator(`${panel} ws-rank-intervals g.unit`).count()).to.be.above(0);
    const first = await rows.nth(0).locator('td').allTextContents();
    expect(first[0]).to.equal('1');
    expect(first[2]).to.match(/^\d+(,\d)?–\d+(,\d)?$/);
    expect(first[5]).to.match(/^\d+–\d+$/);
    expect(await axeViolations(page)).to.deep.equal([]);
    await page.locator(panel).screenshot({ path: `${OUT}/09-sensitivity-panel.png` });
    expect(await shoot(page, OUT, '09-sensitivity')).to.deep.equal([]);
  });

  it('changing a weight marks the intervals as computed for another methodology', async () => {
    await page.fill('ws-methodology form input >> nth=0', '7');
    await page.waitForSelector(`${panel} p.muted:has-text("chạy lại")`);
  });

  it('the normaliser form changes every indicator; the server names each row that needs a field', async () => {
    const form = 'ws-methodology ws-normaliser-fields';
    const errors = page.locator(`${form} tbody .field-errors`);
    await page.selectOption(`${form} select >> nth=0`, 'goalposts');
    await page.waitForSelector(`${form} tbody .field-errors`);
    expect(await errors.count()).to.equal(await page.locator(`${form} tbody tr`).count());
    expect(await errors.first().textContent()).to.contain(
      '"goalposts" cần cận dưới (lower) và cận trên (upper)',
    );
    await page.fill(`${form} tbody tr >> nth=0 >> input[placeholder="Cận dưới"]`, '0');
    await page.locator(`${form} tbody tr >> nth=0 >> input[placeholder="Cận dưới"]`).press('Tab');
    await page.selectOption(`${form} select >> nth=0`, 'pci');
    await page.waitForSelector(`${form} tbody .field-errors`, { state: 'detached' });
    await page.waitForSelector('ws-methodology p.ok');
  });

  it('the tier form sets a method and cut-offs; a cut-off out of order is refused at that tier', async () => {
    const form = 'ws-methodology ws-tier-fields';
    await page.selectOption(`${form} select`, 'fixed');
    await page.waitForSelector(`${form} tbody tr >> nth=5`);
    const cut = page.locator(`${form} tbody tr >> nth=1 >> input[type=number]`);
    await cut.fill('95');
    await cut.press('Tab');
    await page.waitForSelector(`${form} tbody tr >> nth=1 >> .field-errors`);
    expect(await page.locator(`${form} tbody tr >> nth=1 >> .field-errors`).textContent()).to.contain(
      'phải giảm dần nghiêm ngặt',
    );
    await cut.fill('70');
    await cut.press('Tab');
    await page.waitForSelector(`${form} .field-errors`, { state: 'detached' });
    expect(await axeViolations(page)).to.deep.equal([]);
    await page.locator('ws-methodology ws-tier-fields').screenshot({ path: `${OUT}/10-tier-form.png` });
    expect(await shoot(page, OUT, '10-methodology-form')).to.deep.equal([]);
    // The narrow layout of each new part, at 375 px.
    await page.setViewportSize({ width: 375, height: 800 });
    for (const [part, name] of [
      ['ws-sensitivity', 'sensitivity'],
      ['ws-normaliser-fields', 'normalisers'],
      ['ws-tier-fields', 'tiers'],
    ])
      await page.locator(`ws-methodology ${part}`).screenshot({ path: `${OUT}/10-${name}-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
