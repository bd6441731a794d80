import { expect } from 'chai';
import type { Browser, Route } from 'playwright-core';
import type { Database } from '#server/db/client.js';
import { CODE_ALPHABET, formatCode } from '#surveys/code-format.js';
import { nonce, validResponse } from '#test/server/collection/support.js';
import {
  answerSite,
  checked,
  choose,
  leaveDraft,
  mixNow,
  next,
  phonePage,
  shippedEdition,
  step,
  type SurveyServer,
} from './support.js';

// The link form (#code=…) opens the first section from the page alone; the code check and the draft follow.
describe('survey answering pages: a link with the code opens the survey before the code is checked (browser)', function () {
  this.timeout(240_000);
  let slug: string;
  let codes: string[];
  const site = answerSite(async (db) => void ({ slug, codes } = await shippedEdition(db)));
  let database: Database;
  let server: SurveyServer;
  let browser: Browser;
  before(() => void ({ database, server, browser } = site));
  const link = (code: string, query = '') => `${server.base}/khao-sat/${slug}${query}#code=${code}`;
  const heading = (name: string | RegExp) => ({ name });

  it('shows the first section while the check is unanswered, and saves no draft to the server until it answers', async () => {
    const { context, page } = await phonePage(browser);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/codes/check', async (route: Route) => {
      await held;
      await route.continue();
    });
    const drafts: string[] = [];
    page.on('request', (r) => r.url().endsWith('/draft') && drafts.push(r.method()));
    const fetched: string[] = [];
    page.on('request', (r) => r.resourceType() !== 'document' && fetched.push(r.url()));
    await page.goto(link(codes[0]!));
    await page.getByRole('heading', heading(/Giới thiệu/)).waitFor();
    // One document: no script, stylesheet or survey request before the section shows.
    expect(fetched.filter((u) => !u.endsWith('/codes/check'))).to.deep.equal([]);
    await choose(page, '/answers/CONSENT', 0);
    await page.waitForTimeout(2000); // longer than the draft's 1.2 s debounce
    expect(drafts).to.deep.equal([]);
    release();
    await page.getByText('Đã lưu', { exact: true }).waitFor();
    expect(drafts).to.include('PUT');
    expect(await checked(page, '/answers/CONSENT')).to.deep.equal(['1']);
    await context.close();
  });

  it('a draft saved on another device fills the answers in and offers to continue where it left off', async () => {
    await leaveDraft(browser, server.base, slug, codes[1]!, 0);
    const b = await phonePage(browser);
    // The draft arrives late (a slow network): the empty start must not be saved over it meanwhile.
    await b.page.route('**/draft', async (route: Route) => {
      if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await b.page.goto(link(codes[1]!));
    await b.page.getByRole('heading', heading(/Giới thiệu/)).waitFor();
    const offer = b.page.getByRole('button', { name: /Tiếp tục từ chỗ đã dừng/ });
    await offer.waitFor();
    expect(await checked(b.page, '/answers/CONSENT')).to.deep.equal(['1']);
    expect(await step(b.page, '40-link-resume-offer')).to.deep.equal([]);
    await offer.click();
    await b.page.locator('main [data-path="/answers/UNITS_DEPT"]').waitFor();
    await b.page.getByRole('button', { name: 'Quay lại' }).click();
    expect(await checked(b.page, '/answers/BLOCK')).to.deep.equal(['1']);
    await b.context.close();
  });

  it('offline when the link opens: the section is answered, the header says offline, and the draft is saved once the check gets through', async () => {
    const { context, page } = await phonePage(browser);
    let refused = 0;
    await page.route('**/codes/check', (route: Route) =>
      refused++ < 2 ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(link(codes[4]!));
    await page.getByRole('heading', heading(/Giới thiệu/)).waitFor();
    await page.getByText('Mất kết nối — sẽ thử lại').waitFor();
    await choose(page, '/answers/CONSENT', 0);
    await page.getByText('Đã lưu', { exact: true }).waitFor({ timeout: 20_000 });
    expect(refused).to.be.greaterThan(2);
    await context.close();
  });

  it('the same device resumes on the page it left, in English with ?lang=en', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(link(codes[2]!, '?lang=en'));
    await page.getByRole('heading', heading('Introduction and consent')).waitFor();
    await choose(page, '/answers/CONSENT', 0);
    await next(page);
    await page.getByText('Saved', { exact: true }).waitFor();
    await page.goto(link(codes[2]!, '?lang=en'));
    await page.locator('main [data-path="/answers/BLOCK"]').waitFor();
    expect(await step(page, '41-link-same-device-en')).to.deep.equal([]);
    await context.close();
  });

  it('a code that is well formed but unknown goes back to the code form with the server message', async () => {
    const { context, page } = await phonePage(browser);
    const unknown = formatCode([...'ZZZZZZZZZZZZZ'].map((c) => CODE_ALPHABET.indexOf(c)));
    await page.goto(link(unknown));
    await page.locator('#code').waitFor();
    expect(await page.locator('#code').inputValue()).to.equal(unknown);
    await page.locator('#code-status .error').waitFor();
    expect(await step(page, '42-link-unknown-code')).to.deep.equal([]);
    await context.close();
  });

  it('a used code shows that it was used', async () => {
    const submitted = await fetch(`${server.base}/api/v1/surveys/${slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ submissionId: nonce(), code: codes[3], response: validResponse() }),
    });
    expect(submitted.status).to.be.within(200, 299);
    await mixNow(database, slug);
    const { context, page } = await phonePage(browser);
    await page.goto(link(codes[3]!));
    await page.getByRole('heading', heading('Mã này đã được sử dụng')).waitFor();
    expect(await step(page, '43-link-used-code')).to.deep.equal([]);
    await context.close();
  });
});
