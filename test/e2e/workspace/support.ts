import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const TSX = path.resolve('node_modules/.bin/tsx');
const AXE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs `npm run create-admin` against an embedded data folder, the password piped twice. */
export function createAdminCli(
  dataDir: string,
  username: string,
  password: string,
): Promise<{ code: number | null; out: string }> {
  const { NODE_V8_COVERAGE: _c, DATABASE_URL: _u, ...env } = process.env;
  const child = spawn(TSX, ['server/cli/create-admin.ts', username, '--name', 'Quản trị viên'], {
    env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  child.stdin.end(`${password}\n${password}\n`);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** Serious and critical axe-core violations on the page (shadow DOM included), as "id: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o: unknown) => Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
          }>;
        };
      }
    ).axe;
    return axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 300)}`);
}

/** Screenshots at 1280 and 375 px wide, full page; returns the axe violations at 375 px. */
export async function shoot(page: Page, dir: string, name: string): Promise<string[]> {
  const size = page.viewportSize()!;
  await page.screenshot({ path: path.join(dir, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(dir, `${name}-375.png`), fullPage: true });
  const narrow = await axeViolations(page);
  await page.setViewportSize(size);
  return narrow;
}
