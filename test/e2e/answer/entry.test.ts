import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import type { Database } from '#server/db/client.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { ensureOpenDemoSurvey } from '#server/seed/demo-open.js';
import { seedDemo } from '#server/seed/demo.js';
import { CODE_SECRET, issue, publishEdition, seedFamily, testApp } from '#test/server/collection/support.js';
import { answerSite, choose, next, phonePage, step, type SurveyServer } from './support.js';

// Finding the survey and getting in: the open-surveys list with demo codes, the link form, a
// closed survey.
describe('survey answering pages: finding the survey and the entry (browser)', function () {
  this.timeout(240_000);
  let demoSlug: string;
  const site = answerSite(async (db) => {
    await seedDemo(db.db, () => {}, { firms: 20 });
    demoSlug = (await ensureOpenDemoSurvey(db.db, codeHasher(CODE_SECRET)))!;
  });
  let database: Database;
  let server: SurveyServer;
  let browser: Browser;
  before(() => void ({ database, server, browser } = site));

  it('lists the open demo survey with demo codes; a demo code link opens the survey without the code in any URL', async () => {
    const { context, page } = await phonePage(browser);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${server.base}/khao-sat`);
    await page.getByRole('heading', { name: 'Các khảo sát đang mở' }).waitFor();
    await page.getByText('Minh họa', { exact: false }).first().waitFor();
    const demoLinks = page.locator('ci-open-surveys .demo a');
    expect(await demoLinks.count()).to.equal(3);
    expect(await step(page, '30-open-surveys')).to.deep.equal([]);
    const code = (await demoLinks.first().textContent())!.trim();
    await demoLinks.first().click();
    await page.getByRole('heading', { name: /Giới thiệu/ }).waitFor();
    expect(page.url()).to.not.contain('#');
    expect(page.url()).to.contain(`/khao-sat/${demoSlug}`);
    const compact = code.replace(/-/g, '');
    // The fragment is never part of a request; the code went only in a JSON body.
    expect(urls.filter((u) => u.includes(compact) || u.includes(code))).to.deep.equal([]);
    // The commune list is long: a search box finds "Phường Đông Hải" from "dong hai".
    await choose(page, '/answers/CONSENT', 0);
    await next(page);
    await choose(page, '/answers/BLOCK', 1);
    await next(page);
    const options = page.locator('main [data-path="/answers/UNITS_LOC"] label.option:visible');
    expect(await options.count()).to.be.greaterThan(12);
    await page.locator('main [data-path="/answers/UNITS_LOC"] input[type=search]').fill('dong hai');
    expect((await options.allTextContents()).map((t) => t.trim())).to.deep.equal(['Phường Đông Hải']);
    expect(await step(page, '32-unit-search')).to.deep.equal([]);
    await context.close();
  });

  it('a closed survey says when it closed and offers no code form', async () => {
    await seedFamily(database.db);
    const { app } = testApp(database);
    const slug = await publishEdition(app, {
      year: 2019,
      slug: 'closed-2019',
      opensOn: '2019-06-01',
      closesOn: '2019-09-30',
    });
    const [code] = await issue(app, slug, { count: 1 });
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.base}/survey/${slug}?lang=en#code=${code}`);
    await page.getByText('This survey closed on').waitFor();
    expect(await page.locator('#code').count()).to.equal(0);
    expect(await step(page, '31-closed')).to.deep.equal([]);
    await context.close();
  });
});
