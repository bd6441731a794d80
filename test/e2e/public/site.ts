import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '#server/app.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { importShippedPci } from '#server/import/run.js';
import { publishDemoReleases } from '#server/publish/demo.js';
import { publishImportedEditions } from '#server/releases/publish-imported.js';
import { seedDemo } from '#server/seed/demo.js';
import { ensureOpenDemoSurvey } from '#server/seed/demo-open.js';
import { CODE_SECRET } from '#test/server/collection/support.js';
import { launchBrowser } from '#test/support/browser.js';
import { backends, resetDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';

export const SCREENSHOTS = 'test-output/screenshots';

export interface PublicSite {
  base: string;
  browser: Browser;
  fingerprint: string;
}

let started: Promise<{ site: PublicSite; server: Server }> | undefined;

async function start(): Promise<{ site: PublicSite; server: Server }> {
  const database = await backends()[0]!.get();
  await resetDatabase(database);
  await importShippedPci(database.db);
  await seedDemo(database.db, () => {}, { firms: 700 });
  // As `npm start` does on every start: the demo province's survey for the current year, with demo codes.
  await ensureOpenDemoSurvey(database.db, codeHasher(CODE_SECRET));
  const releases = testReleases(database.db);
  await publishImportedEditions(database.db, releases.key, 'pci');
  if (process.env.PUBLIC_E2E_DEMO !== '0')
    await publishDemoReleases(database.db, releases.key, () => {}, { resamples: 40 });
  await releases.refresh();
  const app = createApp({
    config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'production', codeSecret: CODE_SECRET },
    database,
    logger: createLogger('silent'),
    client: staticClient(),
    releases,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.unref();
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    site: { base, browser: undefined as unknown as Browser, fingerprint: releases.key.fingerprint },
    server,
  };
}

/**
 * One server with the shipped PCI and the demo DDCI published as releases, shared by every public
 * browser suite of a run (seeding and publishing take most of a minute). Each suite gets its own browser.
 */
export async function publicSite(ctx: Mocha.Context): Promise<PublicSite> {
  const browser = await launchBrowser(ctx);
  started ??= start();
  const { site } = await started;
  return { ...site, browser };
}

/** Closes the suite's browser; the shared server stays up for the next suite (it does not hold the process open). */
export async function closePublicSite(site: PublicSite | undefined): Promise<void> {
  await site?.browser.close();
}

/** A page at a width: 1280 (desktop) or 375 (phone). */
export const openPage = (site: PublicSite, width: 1280 | 375): Promise<Page> =>
  site.browser.newPage({
    viewport: { width, height: width === 375 ? 812 : 900 },
    deviceScaleFactor: width === 375 ? 2 : 1,
  });

/** Waits until the ranking table has `rows` rows and the strip chart has drawn its units. */
export async function rankingReady(page: Page, rows: number): Promise<void> {
  await page
    .locator('ci-ranking-table tbody tr')
    .nth(rows - 1)
    .waitFor();
  await page.locator('ci-strip-chart g.unit').first().waitFor({ state: 'attached' });
}
