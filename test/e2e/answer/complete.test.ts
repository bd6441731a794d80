import { expect } from 'chai';
import { count, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '#server/db/client.js';
import { responseRatings, responses, surveyEditions, units } from '#server/db/schema/index.js';
import {
  answerSite,
  axeViolations,
  fillPage,
  mixNow,
  next,
  OUT,
  phonePage,
  shippedEdition,
  type SurveyServer,
} from './support.js';

// The shipped 2025 questionnaire answered in Chromium at 375 × 812 under the production CSP.
describe('survey answering pages: completing the shipped survey (browser)', function () {
  this.timeout(240_000);
  let slug: string;
  let codes: string[];
  const site = answerSite(
    async (db) => void ({ slug, codes } = await shippedEdition(db, { openMode: true })),
  );
  let database: Database;
  let server: SurveyServer;
  let browser: Browser;
  before(() => void ({ database, server, browser } = site));
  const cspErrors: string[] = [];

  const watch = (page: Page): Page => {
    page.on('console', (m) => {
      if (/Content.Security.Policy|unsafe-eval/i.test(m.text())) cspErrors.push(m.text());
    });
    return page;
  };
  const step = async (page: Page, name: string): Promise<void> => {
    // Long per-unit pages are shot at the top (the view a phone shows), short ones whole.
    const height = await page.evaluate(() => (scrollTo(0, 0), document.documentElement.scrollHeight));
    await page.screenshot({ path: `${OUT}/answer-${name}.png`, fullPage: height < 2500 });
    expect(await axeViolations(page), `axe on ${name}`).to.deep.equal([]);
  };
  // Both blocks; two departments and one commune; a year founded out of range at first.
  const pick = (code: string): number | number[] | string | undefined =>
    ({ BLOCK: 2, UNITS_DEPT: [0, 2], A4: '2010', C1: 'Rút ngắn thời gian xử lý hồ sơ', C2: 'Minh bạch' })[
      code
    ];

  it('catches a typo in the code locally, before the server is asked', async () => {
    const { context, page } = await phonePage(browser);
    watch(page);
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/codes/check') && asked.push(r.url()));
    await page.goto(`${server.base}/khao-sat/${slug}`);
    await page.locator('#code').waitFor();
    await step(page, '01-entry-vi');
    await page.setViewportSize({ width: 1280, height: 900 });
    await step(page, '01-entry-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    // A substitution, not a swap: swapping two equal symbols would leave the code valid.
    const typo = codes[0]!.replace(/^./, (c) => (c === '7' ? '8' : '7'));
    await page.locator('#code').fill(typo);
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByText('Mã khảo sát có lỗi đánh máy').waitFor();
    await step(page, '02-entry-typo');
    expect(asked).to.deep.equal([]);
    await context.close();
  });

  it('completes the survey with a code (typed in lower case with spaces) and stores one response with its per-unit ratings', async () => {
    const { context, page } = await phonePage(browser);
    watch(page);
    await page.goto(`${server.base}/khao-sat/${slug}`);
    await page.locator('#code').fill(codes[1]!.toLowerCase().replace(/-/g, ' '));
    await page.getByText('đúng định dạng').waitFor();
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('heading', { name: /Giới thiệu/ }).waitFor();
    await step(page, '03-consent');
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const title = (await page.locator('main h1').textContent())!.trim();
      if (title.startsWith('Kiểm tra')) break;
      seen.push(title);
      await fillPage(page, (code) =>
        code === 'A4' && !seen.includes('A4 wrong') ? (seen.push('A4 wrong'), '1890') : pick(code),
      );
      await step(page, `04-page-${String(i).padStart(2, '0')}`);
      await next(page);
      if (await page.locator('#error-summary').count()) {
        // The year founded 1890 is refused with the server's message, next to the field and on top.
        await page.getByText('Câu trả lời phải từ 1945 trở lên.').first().waitFor();
        await step(page, '05-error-summary');
        const focused = await page.evaluate(
          () => document.querySelector('ci-survey-app')!.shadowRoot!.activeElement?.id,
        );
        expect(focused).to.match(/answers-A4/);
        await page.locator('main [data-path="/answers/A4"] input').fill('2010');
        await page.locator('main [data-path="/answers/A4"] input').press('Tab');
        await next(page);
      }
    }
    expect(seen.some((t) => t.includes('Sở Unit') || t.includes('Đơn vị'))).to.equal(true);
    await page.getByRole('heading', { name: 'Kiểm tra câu trả lời' }).waitFor();
    await step(page, '06-review');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByRole('heading', { name: /Cảm ơn/ }).waitFor();
    await step(page, '07-done');
    await context.close();

    await mixNow(database, slug);
    const [edition] = await database.db.select().from(surveyEditions).where(eq(surveyEditions.slug, slug));
    const stored = await database.db
      .select()
      .from(responses)
      .where(eq(responses.surveyEditionId, edition!.id));
    expect(stored).to.have.length(1);
    const answers = stored[0]!.answers as Record<string, unknown>;
    expect(answers).to.include({ CONSENT: 1, BLOCK: 3, A4: 2010 });
    expect(answers.UNITS_DEPT).to.have.length(2);
    const rated = await database.db
      .select({ block: responseRatings.blockKey, unit: units.code, n: count() })
      .from(responseRatings)
      .innerJoin(units, eq(units.id, responseRatings.unitId))
      .where(eq(responseRatings.responseId, stored[0]!.id))
      .groupBy(responseRatings.blockKey, units.code);
    expect(rated.map((r) => `${r.block}/${r.unit}`).sort()).to.deep.equal(
      [
        ...(answers.UNITS_DEPT as string[]).map((u) => `departments/${u}`),
        ...(answers.UNITS_LOC as string[]).map((u) => `localities/${u}`),
      ].sort(),
    );
    for (const r of rated) expect(r.n).to.be.greaterThan(20);
    expect(cspErrors).to.deep.equal([]);
  });

  it('a used code, typed again once its response is stored, says it has been used', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.base}/khao-sat/${slug}`);
    await page.locator('#code').fill(codes[1]!);
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('heading', { name: 'Mã này đã được sử dụng' }).waitFor();
    await step(page, '08-used');
    await context.close();
  });
});
