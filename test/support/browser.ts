import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. Without it the browser suites are pending locally, but CI sets
 * REQUIRE_BROWSER_TESTS=1 so a missing browser fails the run instead of skipping it.
 */
export async function launchBrowser(ctx: Mocha.Context, extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.REQUIRE_BROWSER_TESTS === '1')
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
    ctx.skip();
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
