import { expect } from 'chai';
import { count, eq } from 'drizzle-orm';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '#server/db/client.js';
import { responseRatings, responses, units } from '#server/db/schema/index.js';
import { launchBrowser } from '#test/support/browser.js';
import { backends, resetDatabase } from '#test/support/db.js';
import { createTestUser } from '#test/support/users.js';
import {
  ANALYST_TOKEN,
  publishVisitEdition,
  seedServiceFamily,
  SERVICE_FAMILY,
  visitApp,
} from '#test/server/visit/support.js';
import {
  axeViolations,
  fillPage,
  mixNow,
  next,
  OUT,
  phonePage,
  startSurveyServer,
  type SurveyServer,
} from './support.js';

const CENTRE = 'TTPV_X_AN_LAC';
const CENTRE_VI = 'Trung tâm Phục vụ hành chính công Xã An Lạc';

// The visit survey opened from a centre's link (the URL its QR code carries), on a phone and on a
// kiosk tablet, in Chromium at 375 × 812 under the production CSP.
describe('visit survey from a centre link and in kiosk mode (browser)', function () {
  this.timeout(300_000);
  let database: Database;
  let server: SurveyServer;
  let browser: Browser;
  let slug: string;

  /** The link and QR code an analyst prints for the centre, asked of the running server. */
  const link = async (query: Record<string, string> = {}) => {
    const res = await request(server.base)
      .get(`/api/v1/admin/families/${SERVICE_FAMILY}/centres/links`)
      .query(query)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    return (res.body.links as Array<{ centre: { code: string }; url: string; qrSvg: string }>).find(
      (l) => l.centre.code === CENTRE,
    )!;
  };
  const shot = async (page: Page, name: string) => {
    const height = await page.evaluate(() => (scrollTo(0, 0), document.documentElement.scrollHeight));
    await page.screenshot({ path: `${OUT}/visit-${name}.png`, fullPage: height < 2500 });
    expect(await axeViolations(page), `axe on ${name}`).to.deep.equal([]);
  };
  const stored = async () => (await database.db.select({ n: count() }).from(responses))[0]!.n;
  const storage = (page: Page) =>
    page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  const pick = (firm: boolean) => (code: string) =>
    ({ ESIGN: 0, FBK1: 1, WHO: firm ? 1 : 0, COMMENT: 'Phục vụ nhanh, chu đáo' })[code];
  /** Answers every page after the entry page, shooting each, and submits. */
  const complete = async (page: Page, prefix: string, firm: boolean) => {
    for (let i = 0; i < 6; i++) {
      if ((await page.locator('main .nav button.primary').count()) === 0) break;
      const isReview = (await page.locator('main [data-path]').count()) === 0;
      if (isReview) break;
      expect(await page.locator('main [data-path="/answers/CENTRE"]').count()).to.equal(0);
      await fillPage(page, pick(firm));
      await shot(page, `${prefix}-${i + 2}`);
      await next(page);
    }
    await shot(page, `${prefix}-review`);
    await page.getByRole('button', { name: /Gửi|Submit/ }).click();
  };

  before(async function () {
    browser = await launchBrowser(this);
    database = await backends()[0]!.get();
    await resetDatabase(database);
    await seedServiceFamily(database.db);
    slug = await publishVisitEdition(visitApp(database));
    server = await startSurveyServer(database);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("prints a QR code of the centre's link", async () => {
    const { url, qrSvg } = await link({ counter: '3' });
    expect(url.startsWith(`${server.base}/khao-sat/visit/c1.`)).to.equal(true);
    const { context, page } = await phonePage(browser);
    await page.setContent(`<main style="width:320px;margin:24px auto">${qrSvg}</main>`);
    await page.screenshot({ path: `${OUT}/visit-00-qr.png` });
    await context.close();
  });

  it('completes the visit survey on a phone from the link, with the centre named and not asked', async () => {
    const { url } = await link({ counter: '3' });
    const { context, page } = await phonePage(browser);
    await page.goto(url);
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
    expect(await page.locator('main .visit-place').textContent())
      .to.include(CENTRE_VI)
      .and.include('Quầy 3');
    await shot(page, 'phone-1-entry');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, 'phone-1-entry-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await page.locator('main [data-path]').first().waitFor();
    await complete(page, 'phone', true);
    await page.getByText('Cảm ơn Anh/Chị đã đánh giá!').waitFor();
    await shot(page, 'phone-done');
    await mixNow(database, slug);
    const [unit] = await database.db.select().from(units).where(eq(units.code, CENTRE));
    const items = await database.db
      .select()
      .from(responseRatings)
      .where(eq(responseRatings.unitId, unit!.id));
    expect(new Set(items.map((r) => r.item))).to.include.members([
      'ACC2',
      'PRO2',
      'CIV2',
      'RES2',
      'FOUR',
      'PAY',
    ]);
    const [response] = await database.db.select().from(responses);
    expect(response!.profile).to.include.keys('size', 'sector');
    await context.close();
  });

  it('kiosk mode resets after each submission and keeps nothing on the device', async () => {
    const { url } = await link({ kiosk: 'true' });
    const before = await stored();
    const { context, page } = await phonePage(browser);
    await page.goto(url);
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await page.locator('main [data-path]').first().waitFor();
    // The visitor switches to English: not remembered for the next one.
    await page.getByRole('button', { name: 'English' }).click();
    await complete(page, 'kiosk', false);
    await page.getByText('Thank you for your rating!').waitFor();
    await shot(page, 'kiosk-done');
    expect(await storage(page)).to.deep.equal({ local: 0, session: 0 });
    // Reset on its own after a few seconds: the welcome page, in Vietnamese, with nothing filled in.
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor({ timeout: 20_000 });
    await shot(page, 'kiosk-reset');
    expect(new URL(page.url()).search).to.equal('');
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await page.locator('main [data-path]').first().waitFor();
    expect(await page.locator('main input:checked').count()).to.equal(0);
    // A second visitor on the same tablet.
    await complete(page, 'kiosk2', false);
    await page.getByRole('button', { name: 'Người tiếp theo' }).click();
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
    expect(await storage(page)).to.deep.equal({ local: 0, session: 0 });
    await mixNow(database, slug);
    expect(await stored()).to.equal(before + 2);
    await context.close();
  });

  it('gives analysts a printable sheet of QR codes per centre in the workspace', async () => {
    const analyst = await createTestUser(database.db, 'analyst', { username: 'qr-analyst' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.base}/admin`);
    await page.fill('ws-login input[name=username]', analyst.username);
    await page.fill('ws-login input[name=password]', analyst.password);
    await page.click('ws-login button[type=submit]');
    await page.waitForSelector('ws-editions');
    await page
      .getByRole('link', { name: 'Mã QR trung tâm' })
      .click()
      .catch(async () => {
        await page.getByRole('link', { name: 'Centre QR codes' }).click();
      });
    await page.locator('ws-centres figure img').first().waitFor();
    await page.locator('ws-centres input[name=counter]').fill('2');
    await page.locator('ws-centres button[type=submit]').click();
    await page.locator('ws-centres figcaption span').first().waitFor();
    expect(new URL(page.url()).search).to.equal(`?family=${SERVICE_FAMILY}&counter=2`);
    const figures = page.locator('ws-centres figure');
    expect(await figures.count()).to.be.greaterThan(10);
    // Every QR image loaded (the SVG route answers the analyst's session).
    const loaded = () =>
      figures
        .locator('img')
        .evaluateAll((imgs) =>
          imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0),
        );
    for (let i = 0; i < 50 && !(await loaded()); i++) await page.waitForTimeout(200);
    expect(await loaded()).to.equal(true);
    await page.screenshot({ path: `${OUT}/visit-workspace-qr-1280.png` });
    expect(await axeViolations(page), 'axe on the QR sheet').to.deep.equal([]);
    await context.close();
  });

  it('refuses an altered link with a bilingual message', async () => {
    const { url } = await link();
    const altered = url.replace(
      /\.([\w-])([\w-]*)$/,
      (_m, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`,
    );
    const { context, page } = await phonePage(browser);
    await page.goto(altered);
    await page.getByText('Đường dẫn không hợp lệ').waitFor();
    expect(await page.locator('main .notice').textContent()).to.include('không hợp lệ hay đã bị sửa');
    await shot(page, 'altered-vi');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('This link is not valid').waitFor();
    await context.close();
  });
});
