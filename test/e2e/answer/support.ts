import type { Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '#server/app.js';
import type { Database } from '#server/db/client.js';
import { surveyEditions } from '#server/db/schema/index.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { mixEdition } from '#server/collection/mixer.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { launchBrowser } from '#test/support/browser.js';
import { backends, resetDatabase } from '#test/support/db.js';
import {
  CODE_SECRET,
  issue,
  publishEdition,
  seedFamily,
  testApp,
  type EditionOptions,
} from '#test/server/collection/support.js';

export const OUT = 'test-output/screenshots';
export const PHONE = { width: 375, height: 812 };

export interface SurveyServer {
  base: string;
  close(): Promise<void>;
}

/** The real app (API + built client) on a free port, with the test code secret. */
export async function startSurveyServer(database: Database): Promise<SurveyServer> {
  const app = createApp({
    config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production', codeSecret: CODE_SECRET },
    database,
    logger: createLogger('silent'),
    client: staticClient(),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  mkdirSync(OUT, { recursive: true });
  return {
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A suite's site: Chromium, the embedded database emptied and seeded, and the real app on a free port. */
export interface AnswerSite {
  browser: Browser;
  database: Database;
  server: SurveyServer;
}

/**
 * answerSite(seed) — call in a describe body: registers the suite's before and after hooks and returns the site,
 * filled in once `before` has run (seed(database) adds the families, editions and codes the suite needs).
 */
export function answerSite(seed: (database: Database) => Promise<void>): AnswerSite {
  const site = {} as AnswerSite;
  before(async function () {
    site.browser = await launchBrowser(this);
    site.database = await backends()[0]!.get();
    await resetDatabase(site.database);
    await seed(site.database);
    site.server = await startSurveyServer(site.database);
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** The shipped 2025 survey published for the test family, with `count` codes. */
export async function shippedEdition(
  database: Database,
  options: EditionOptions = {},
  count = 6,
): Promise<{ slug: string; codes: string[] }> {
  await seedFamily(database.db);
  const { app } = testApp(database);
  const slug = await publishEdition(app, options);
  return { slug, codes: await issue(app, slug, { count }) };
}

/** Stores the edition's waiting submissions now (the mixer would wait for k of them). */
export async function mixNow(database: Database, slug: string): Promise<void> {
  const [e] = await database.db
    .select({ id: surveyEditions.id })
    .from(surveyEditions)
    .where(eq(surveyEditions.slug, slug));
  await mixEdition(database.db, codeHasher(CODE_SECRET), e!.id, { k: 1, final: true });
}

export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { context, page };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page (run through CDP, so the CSP stays strict). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
interface AxeResult {
  violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
}

/** Picks the option index for a field (by item code), or undefined for the default. */
export type Picker = (code: string, path: string) => number | number[] | string | undefined;

/**
 * Answers every unanswered field of the current page, again and again, because an answer can
 * show further questions: radios get the picked (else a varied) option, checkboxes the first,
 * text fields the picked text (else "3").
 */
export async function fillPage(page: Page, pick: Picker = () => undefined): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const open = await page.locator('main [data-path]').evaluateAll((els) =>
      els
        .filter((el) => {
          const text = el.querySelector<HTMLInputElement>('input[type=text], input[type=date], textarea');
          return text ? text.value === '' : !el.querySelector('input:checked');
        })
        .map((el) => el.getAttribute('data-path')!),
    );
    if (open.length === 0) return;
    const path = open[0]!;
    const code = path.split('/').pop()!;
    const box = page.locator(`main [data-path="${path}"]`);
    const choice = pick(code, path);
    if ((await box.locator('input[type=text], input[type=date], textarea').count()) > 0) {
      const input = box.locator('input, textarea').first();
      await input.fill(String(choice ?? '3'));
      await input.press('Tab');
    } else {
      const options = box.locator('label.option');
      const n = await options.count();
      const picks = Array.isArray(choice)
        ? choice
        : [typeof choice === 'number' ? choice : round % Math.max(1, n - 1)];
      for (const i of picks) await options.nth(i).click();
    }
  }
  throw new Error('fillPage: the page kept showing new questions');
}

/** Clicks Next (or Review answers) and waits for the next heading. */
export async function next(page: Page): Promise<void> {
  const before = await page.locator('main h1').textContent();
  await page.locator('.nav button.primary').click();
  await page.waitForFunction((b) => {
    const app = document.querySelector('ci-survey-app');
    const h = app?.shadowRoot?.querySelector('main h1')?.textContent;
    const summary = app?.shadowRoot?.querySelector('#error-summary');
    return (h !== undefined && h !== b) || summary !== null;
  }, before);
}

/** A screenshot of the step (long pages at the top, as a phone shows them) and axe-core on it. */
export async function step(page: Page, name: string): Promise<string[]> {
  const height = await page.evaluate(() => (scrollTo(0, 0), document.documentElement.scrollHeight));
  await page.screenshot({ path: `${OUT}/answer-${name}.png`, fullPage: height < 2500 });
  return axeViolations(page);
}

/** Types the code on the entry page and starts. */
export async function enterCode(page: Page, base: string, slug: string, code: string): Promise<void> {
  await page.goto(`${base}/khao-sat/${slug}`);
  await page.locator('#code').fill(code);
  await page.locator('form button.primary').click();
  await page.locator('main fieldset, main .card[data-path]').first().waitFor();
}

/** On another device: consent and block option `block` with the typed code, saved as the server draft. */
export async function leaveDraft(browser: Browser, base: string, slug: string, code: string, block: number) {
  const { context, page } = await phonePage(browser);
  await enterCode(page, base, slug, code);
  await choose(page, '/answers/CONSENT', 0);
  await next(page);
  await choose(page, '/answers/BLOCK', block);
  await page.getByText('Đã lưu', { exact: true }).waitFor();
  await context.close();
}

/** Picks option `index` of a field. */
export const choose = (page: Page, path: string, index: number) =>
  page.locator(`main [data-path="${path}"] label.option`).nth(index).click();

export const checked = (page: Page, path: string) =>
  page
    .locator(`main [data-path="${path}"] input:checked`)
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
