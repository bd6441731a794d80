import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import type { Database } from '#server/db/client.js';
import { responseRatings, responses, surveyEditions } from '#server/db/schema/index.js';
import type { SurveyDefinition } from '#surveys/types.js';
import { ANALYST_TOKEN, DEPARTMENTS, seedFamily, testApp } from '#test/server/collection/support.js';
import { answerSite, checked, choose, next, phonePage, step, mixNow, type SurveyServer } from './support.js';

const t = (vi: string, en: string) => ({ vi, en });

// Written for this test: other types and shapes than the shipped questionnaire (a date, a
// multi-line text, an exclusive option, an inline 3-point scale, a decimal percentage, a
// section shown by a condition, per-unit multiple choice), so the pages prove they render any definition.
const digital: SurveyDefinition = {
  schemaVersion: 1,
  id: 'digital-2031',
  edition: 2031,
  title: t('Khảo sát dịch vụ công trực tuyến', 'Online public services survey'),
  intro: t('Khảo sát ngắn về dịch vụ công trực tuyến.', 'A short survey on online public services.'),
  blocks: [{ key: 'departments', label: t('Sở, ban, ngành', 'Departments') }],
  sections: [
    {
      id: 'USE',
      title: t('Sử dụng dịch vụ', 'Using the services'),
      questions: [
        {
          type: 'date',
          code: 'D1',
          text: t('Lần nộp hồ sơ trực tuyến gần nhất', 'Last online filing'),
          required: true,
          minimum: '2030-01-01',
          maximum: '2031-12-31',
        },
        {
          type: 'multiple',
          code: 'M1',
          text: t('Kênh đã dùng', 'Channels used'),
          required: true,
          options: [
            { code: 'web', label: t('Cổng dịch vụ công', 'Public service portal') },
            { code: 'app', label: t('Ứng dụng di động', 'Mobile app') },
            { code: 'none', label: t('Chưa dùng kênh nào', 'None of these'), exclusive: true },
          ],
        },
        {
          type: 'numeric',
          code: 'P1',
          text: t('Tỷ lệ hồ sơ nộp trực tuyến', 'Share of filings made online'),
          unit: 'percent',
          minimum: 0,
          maximum: 100,
        },
        {
          type: 'rating',
          code: 'S1',
          text: t('Mức hài lòng chung', 'Overall satisfaction'),
          required: true,
          scale: {
            points: 3,
            labels: [
              t('Không hài lòng', 'Unsatisfied'),
              t('Bình thường', 'Neutral'),
              t('Hài lòng', 'Satisfied'),
            ],
          },
        },
      ],
    },
    {
      id: 'DETAIL',
      title: t('Góp ý chi tiết', 'Detailed feedback'),
      showIf: 'S1 = 1',
      questions: [
        {
          type: 'text',
          code: 'T1',
          text: t('Điều gì chưa hài lòng?', 'What was unsatisfying?'),
          maxLength: 400,
          multiline: true,
        },
      ],
    },
    {
      id: 'UNITS',
      title: t('Đơn vị', 'Units'),
      questions: [
        {
          type: 'units',
          code: 'U',
          text: t('Đơn vị đã nộp hồ sơ', 'Units filed with'),
          block: 'departments',
          required: true,
          minSelections: 1,
          maxSelections: 1,
        },
        {
          type: 'unitRatings',
          code: 'R',
          text: t('Về {unit}', 'About {unit}'),
          selector: 'U',
          items: [
            {
              type: 'multiple',
              code: 'R1',
              text: t('{unit} hỗ trợ qua', '{unit} helped through'),
              options: [
                { code: 1, label: t('Điện thoại', 'Phone') },
                { code: 2, label: t('Thư điện tử', 'Email') },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('survey answering pages: another definition (browser)', function () {
  this.timeout(180_000);
  const site = answerSite(async (database) => {
    await seedFamily(database.db);
    const { app } = testApp(database);
    const res = await request(app)
      .post('/api/v1/admin/survey-editions')
      .set('authorization', `Bearer ${ANALYST_TOKEN}`)
      .send({
        family: 'ddci-test',
        year: 2031,
        slug: 'digital-2031',
        definition: digital,
        opensOn: '2020-01-01',
        closesOn: '2099-12-31',
        openMode: true,
        units: { departments: DEPARTMENTS },
      });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
  });
  let database: Database;
  let server: SurveyServer;
  let browser: Browser;
  before(() => void ({ database, server, browser } = site));

  it('renders a date, an exclusive option, an inline scale, a decimal percentage, a conditional section and per-unit choices, in open mode', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.base}/survey/digital-2031?lang=en`);
    await page.getByRole('button', { name: 'Answer without a code' }).click();
    await page.getByRole('heading', { name: 'Using the services' }).waitFor();
    await page.locator('main [data-path="/answers/D1"] input[type=date]').fill('2031-03-15');
    await choose(page, '/answers/M1', 0);
    await choose(page, '/answers/M1', 1);
    await choose(page, '/answers/M1', 2);
    expect(await checked(page, '/answers/M1')).to.deep.equal(['none']);
    await page.locator('main [data-path="/answers/P1"] input').fill('12,5');
    await page.locator('main [data-path="/answers/P1"] input').press('Tab');
    expect(
      (await page.locator('main [data-path="/answers/S1"] label.option').allTextContents()).map((s) =>
        s.trim(),
      ),
    ).to.deep.equal(['1 · Unsatisfied', '2 · Neutral', '3 · Satisfied']);
    await choose(page, '/answers/S1', 0);
    expect(await step(page, '20-other-definition')).to.deep.equal([]);
    await next(page);
    await page.getByRole('heading', { name: 'Detailed feedback' }).waitFor();
    // The counter follows the typing (code points, as the server counts), and says so once typing pauses.
    const counter = page.locator('main ci-char-count .counter');
    expect((await counter.textContent())?.trim()).to.equal('400 of 400 characters left');
    await page.locator('main textarea').fill('x'.repeat(401));
    expect((await counter.textContent())?.trim()).to.equal('1 over the 400-character limit');
    expect(await counter.getAttribute('class')).to.contain('over');
    await page.locator('main textarea').fill('Cổng hay bị lỗi\nvào cuối tháng');
    expect((await counter.textContent())?.trim()).to.equal('370 of 400 characters left');
    await page
      .locator('main ci-char-count [aria-live="polite"]', { hasText: '370 of 400 characters left' })
      .waitFor({ state: 'attached' });
    await page.locator('main textarea').press('Tab');
    expect(await step(page, '23-text-counter')).to.deep.equal([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await step(page, '23-text-counter-1280')).to.deep.equal([]);
    await page.setViewportSize({ width: 375, height: 812 });
    await next(page);
    await choose(page, '/answers/U', 1);
    await next(page);
    await page.getByText(`About Unit ${DEPARTMENTS[1]}`).waitFor();
    // The unit's name is shown once at the top (the bar that stays in view), and the heading names it for
    // screen readers.
    const unit = `Unit ${DEPARTMENTS[1]}`;
    const alone = await page.evaluate(
      (name) =>
        [...document.querySelector('ci-survey-app')!.shadowRoot!.querySelectorAll('main *')].filter(
          (e) => e.childElementCount === 0 && e.textContent?.trim() === name && e.checkVisibility(),
        ).length,
      unit,
    );
    expect(alone).to.equal(1);
    expect((await page.locator('main .sticky-unit').textContent())?.trim()).to.equal(unit);
    await page.getByRole('heading', { level: 1, name: `${unit}: Units` }).waitFor();
    await choose(page, `/units/departments/${DEPARTMENTS[1]}/R1`, 1);
    expect(await step(page, '21-other-unit')).to.deep.equal([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await step(page, '21-other-unit-1280')).to.deep.equal([]);
    await page.setViewportSize({ width: 375, height: 812 });
    await next(page);
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    expect(await step(page, '22-other-review')).to.deep.equal([]);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('heading', { name: /Thank you/ }).waitFor();
    await context.close();

    await mixNow(database, 'digital-2031');
    const [e] = await database.db
      .select()
      .from(surveyEditions)
      .where(eq(surveyEditions.slug, 'digital-2031'));
    const [stored] = await database.db.select().from(responses).where(eq(responses.surveyEditionId, e!.id));
    expect(stored!.openMode).to.equal(true);
    expect(stored!.answers).to.deep.include({
      D1: '2031-03-15',
      M1: ['none'],
      P1: 12.5,
      S1: 1,
      T1: 'Cổng hay bị lỗi\nvào cuối tháng',
      U: [DEPARTMENTS[1]],
    });
    const rated = await database.db
      .select()
      .from(responseRatings)
      .where(eq(responseRatings.responseId, stored!.id));
    expect(rated.map((r) => [r.item, r.raw])).to.deep.equal([['R1', [2]]]);
  });
});
