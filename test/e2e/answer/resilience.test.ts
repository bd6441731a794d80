import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import type { Database } from '#server/db/client.js';
import { responses, surveyEditions } from '#server/db/schema/index.js';
import { DEPARTMENTS } from '#test/server/collection/support.js';
import {
  answerSite,
  checked,
  choose,
  enterCode,
  fillPage,
  leaveDraft,
  mixNow,
  next,
  phonePage,
  shippedEdition,
  step,
  type SurveyServer,
} from './support.js';

const UNIT = `/units/departments/${DEPARTMENTS[0]}`;

describe('survey answering pages: skip logic, resume, offline, language, keyboard (browser)', function () {
  this.timeout(240_000);
  let slug: string;
  let codes: string[];
  const site = answerSite(async (db) => void ({ slug, codes } = await shippedEdition(db)));
  let database: Database;
  let server: SurveyServer;
  let browser: Browser;
  before(() => void ({ database, server, browser } = site));

  it('skip logic hides a question and clears its answer (TR5 depends on TR4 = 1)', async () => {
    const { context, page } = await phonePage(browser);
    await enterCode(page, server.base, slug, codes[0]!);
    await choose(page, '/answers/CONSENT', 0);
    await next(page);
    await choose(page, '/answers/BLOCK', 0);
    await next(page);
    await choose(page, '/answers/UNITS_DEPT', 0);
    await next(page);
    expect(await page.locator(`main [data-path="${UNIT}/TR5"]`).count()).to.equal(0);
    await choose(page, `${UNIT}/TR4`, 0);
    await choose(page, `${UNIT}/TR5`, 2);
    expect(await checked(page, `${UNIT}/TR5`)).to.deep.equal(['3']);
    await choose(page, `${UNIT}/TR4`, 1);
    expect(await page.locator(`main [data-path="${UNIT}/TR5"]`).count()).to.equal(0);
    const kept = await page.evaluate((s) => JSON.parse(localStorage.getItem(`ci-survey/${s}`)!), slug);
    expect(kept.response.units.departments[DEPARTMENTS[0]!]).to.deep.equal({ TR4: 2 });
    await choose(page, `${UNIT}/TR4`, 0);
    expect(await checked(page, `${UNIT}/TR5`)).to.deep.equal([]);
    expect(await step(page, '10-skip-logic')).to.deep.equal([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await step(page, '10-unit-page-1280')).to.deep.equal([]);
    await context.close();
  });

  it('resumes in a fresh browser context with the code: the server draft restores every answer', async () => {
    await leaveDraft(browser, server.base, slug, codes[1]!, 2);
    const b = await phonePage(browser);
    await enterCode(b.page, server.base, slug, codes[1]!);
    expect(await checked(b.page, '/answers/CONSENT')).to.deep.equal(['1']);
    await next(b.page);
    expect(await checked(b.page, '/answers/BLOCK')).to.deep.equal(['3']);
    expect(await step(b.page, '11-resumed')).to.deep.equal([]);
    await b.context.close();
  });

  it('switching language mid-way keeps every answer; a section can be completed with the keyboard only', async () => {
    const { context, page } = await phonePage(browser);
    await enterCode(page, server.base, slug, codes[2]!);
    // Keyboard only: the heading has focus; Tab reaches the first option, Space picks it, Enter on Next.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Lựa chọn khối đánh giá' }).waitFor();
    await choose(page, '/answers/BLOCK', 0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Choice of block' }).waitFor();
    expect(await checked(page, '/answers/BLOCK')).to.deep.equal(['1']);
    expect(await step(page, '12-english')).to.deep.equal([]);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Introduction and consent' }).waitFor();
    expect(await checked(page, '/answers/CONSENT')).to.deep.equal(['1']);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: /Giới thiệu/ }).waitFor();
    expect(await checked(page, '/answers/CONSENT')).to.deep.equal(['1']);
    await context.close();
  });

  const toReview = async (code: string) => {
    const { context, page } = await phonePage(browser);
    await enterCode(page, server.base, slug, code);
    const pick = (c: string): number | number[] | string | undefined =>
      ({ CONSENT: 0, BLOCK: 0, UNITS_DEPT: [0], A4: '2001' })[c];
    for (
      let i = 0;
      i < 8 && !(await page.getByRole('heading', { name: 'Kiểm tra câu trả lời' }).count());
      i++
    ) {
      await fillPage(page, pick);
      await next(page);
    }
    return { context, page };
  };
  const stored = async (): Promise<number> => {
    await mixNow(database, slug);
    const [e] = await database.db.select().from(surveyEditions).where(eq(surveyEditions.slug, slug));
    return (await database.db.select().from(responses).where(eq(responses.surveyEditionId, e!.id))).length;
  };

  it('offline at submit: the answers wait, are sent when the connection is back, and exactly one response is stored', async () => {
    const { context, page } = await toReview(codes[3]!);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Quý vị đang mất kết nối').waitFor();
    expect(await step(page, '13-offline')).to.deep.equal([]);
    await context.setOffline(false);
    await page.getByRole('heading', { name: /Cảm ơn/ }).waitFor({ timeout: 60_000 });
    await context.close();
    expect(await stored()).to.equal(1);
  });

  it('a submission stored by the server whose answer is lost is retried with the same submissionId and stored once', async () => {
    const { context, page } = await toReview(codes[4]!);
    const ids: string[] = [];
    await page.route('**/responses', async (route) => {
      ids.push(JSON.parse(route.request().postData()!).submissionId);
      if (ids.length > 1) return route.continue();
      await route.fetch();
      await route.abort('failed');
    });
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByRole('heading', { name: /Cảm ơn/ }).waitFor({ timeout: 60_000 });
    await context.close();
    expect(ids).to.have.length(2);
    expect(ids[0]).to.equal(ids[1]);
    expect(await stored()).to.equal(2);
  });
});
