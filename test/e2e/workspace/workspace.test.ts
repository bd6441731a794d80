import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '#server/app.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { DEFAULT_MIXER, runMixer } from '#server/collection/mixer.js';
import { openDatabase, type Database } from '#server/db/client.js';
import { auditLog } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { launchBrowser } from '#test/support/browser.js';
import { testReleases } from '#test/support/releases.js';
import { nonce, validResponse } from '#test/server/collection/support.js';
import { axeViolations, createAdminCli, shoot } from './support.js';

const OUT = 'test-output/screenshots/workspace';
const CODE_SECRET = 'e2e-code-secret-0123456789abcdef0123456789';
const ADMIN_PW = 'first-admin-password-1';
const ANALYST_PW = 'analyst-password-12345';
const DEPARTMENTS = ['SO_KHDT', 'SO_TC', 'SO_XD', 'CUC_THUE', 'SO_TNMT', 'SO_CT'];
const LOCALITIES = ['P_AN_BINH', 'X_HOA_LAC', 'X_TAN_PHU'];

describe('analyst workspace (browser, end to end)', function () {
  this.timeout(300_000);
  let dir: string;
  let database: Database;
  let server: Server;
  let base: string;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let codes: string[] = [];
  const slug = 'ddci-e2e-2025';

  before(async function () {
    browser = await launchBrowser(this);
    dir = mkdtempSync(path.join(tmpdir(), 'ddci-ws-e2e-'));
    mkdirSync(OUT, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await database?.close();
  });

  const login = async (username: string, password: string) => {
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await ctx.newPage();
    await page.goto(`${base}/admin`);
    await page.fill('ws-login input[name=username]', username);
    await page.fill('ws-login input[name=password]', password);
    await page.click('ws-login button[type=submit]');
    await page.waitForSelector('ws-editions');
  };
  const go = async (href: string, selector: string) => {
    await page.click(`a[href="${href}"]`);
    await page.waitForSelector(selector);
  };
  const axeClean = async () => expect(await axeViolations(page)).to.deep.equal([]);

  it('npm run create-admin creates the first admin (no default account exists)', async () => {
    const r = await createAdminCli(dir, 'quantri', ADMIN_PW);
    expect(r.code, r.out).to.equal(0);
    database = await openDatabase({ dataDir: path.join(dir, 'db') });
    await database.migrate();
    const app = createApp({
      config: {
        bodyLimitBytes: 1 << 20,
        trustProxy: false,
        nodeEnv: 'production',
        codeSecret: CODE_SECRET,
      },
      database,
      logger: createLogger('silent'),
      client: staticClient(),
      releases: testReleases(database.db),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  it('the sign-in page is accessible, in Vietnamese by default, and refuses a wrong password', async () => {
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await ctx.newPage();
    await page.goto(`${base}/admin`);
    await page.waitForSelector('ws-login');
    expect(await page.textContent('ws-login h1')).to.equal('Đăng nhập không gian làm việc');
    await axeClean();
    expect(await shoot(page, OUT, '01-login')).to.deep.equal([]);
    await page.fill('ws-login input[name=username]', 'quantri');
    await page.fill('ws-login input[name=password]', 'not-the-password');
    await page.click('ws-login button[type=submit]');
    await page.waitForSelector('ws-login .error');
    expect(await page.textContent('ws-login .error')).to.contain('Sai tên đăng nhập hoặc mật khẩu');
    await ctx.close();
  });

  it('the admin signs in and creates an analyst account', async () => {
    await login('quantri', ADMIN_PW);
    await go('/admin/users', 'ws-users table');
    await page.fill('ws-users input[name=username]', 'phantich');
    await page.fill('ws-users input[name=displayName]', 'Nguyễn Phân Tích');
    await page.selectOption('ws-users select[name=role]', 'analyst');
    await page.fill('ws-users input[name=password]', ANALYST_PW);
    await page.click('ws-users form button[type=submit]');
    await page.waitForSelector('ws-users td:has-text("phantich")');
    await axeClean();
    expect(await shoot(page, OUT, '02-users')).to.deep.equal([]);
  });

  it('the admin creates a family with blocks and units, imports units by CSV and the 2025 commune table', async () => {
    await go('/admin/setup', 'ws-setup');
    await page.fill('ws-setup section:has(h2:has-text("Bộ chỉ số mới")) input[name=code]', 'ddci-e2e');
    await page.fill(
      'ws-setup section:has(h2:has-text("Bộ chỉ số mới")) input[name=nameVi]',
      'DDCI tỉnh thử nghiệm',
    );
    await page.fill(
      'ws-setup section:has(h2:has-text("Bộ chỉ số mới")) input[name=nameEn]',
      'Test province DDCI',
    );
    await page.click('ws-setup section:has(h2:has-text("Bộ chỉ số mới")) button');
    await page.waitForSelector('ws-setup h2:has-text("Các khối")');
    for (const [code, vi, en] of [
      ['departments', 'Sở, ban, ngành', 'Departments'],
      ['localities', 'Địa phương', 'Localities'],
    ]) {
      await page.fill('ws-setup section:has(h2:has-text("Các khối")) input[name=code]', code!);
      await page.fill('ws-setup section:has(h2:has-text("Các khối")) input[name=nameVi]', vi!);
      await page.fill('ws-setup section:has(h2:has-text("Các khối")) input[name=nameEn]', en!);
      await page.click('ws-setup section:has(h2:has-text("Các khối")) button');
      await page.waitForSelector(`ws-setup td:has-text("${code}")`);
    }
    const csv = [
      'block,code,name_vi,name_en',
      ...DEPARTMENTS.map((c) => `departments,${c},Sở ${c},Department ${c}`),
      ...LOCALITIES.map((c) => `localities,${c},Xã ${c},Commune ${c}`),
    ].join('\n');
    const file = path.join(dir, 'units.csv');
    writeFileSync(file, csv);
    await page.setInputFiles('ws-setup-imports form >> nth=0 >> input[type=file]', file);
    await page.click('ws-setup-imports form >> nth=0 >> button');
    await page.waitForSelector('ws-setup-imports .ok');
    await page.fill('ws-setup-imports input[name=newBlock]', 'communes');
    await page.fill('ws-setup-imports input[name=oldBlock]', 'communes-2024');
    await page.click('ws-setup-imports button:has-text("Nhập bảng")');
    await page.waitForSelector('ws-setup-imports .ok:has-text("newUnits")', { timeout: 60_000 });
    await page.waitForSelector('ws-setup td:has-text("Phường Hồng Gai")');
    await axeClean();
    expect(await shoot(page, OUT, '03-setup')).to.deep.equal([]);
  });

  it('the analyst creates a draft edition, opens it and issues codes downloaded as CSV', async () => {
    await ctx.close();
    await login('phantich', ANALYST_PW);
    await page.selectOption('ws-editions select[name=family]', 'ddci-e2e');
    await page.fill('ws-editions input[name=year]', '2025');
    await page.selectOption('ws-editions select[name=definition]', 'ddci-demo-2025');
    await page.fill('ws-editions input[name=opensOn]', '2020-01-01');
    await page.fill('ws-editions input[name=closesOn]', '2099-12-31');
    await page.click('ws-editions form button[type=submit]');
    await page.waitForSelector(`ws-editions a:has-text("${slug}")`);
    await axeClean();
    expect(await shoot(page, OUT, '04-editions')).to.deep.equal([]);
    await page.click(`ws-editions a:has-text("${slug}")`);
    await page.waitForSelector('ws-edition button:has-text("Mở nhận trả lời")');
    await page.click('ws-edition button:has-text("Mở nhận trả lời")');
    await page.waitForSelector('ws-edition strong:has-text("Đang mở")');
    await page.fill('ws-edition input[name=label]', 'Đợt 1');
    await page.fill('ws-edition input[name=count]', '45');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('ws-edition button:has-text("Phát mã")'),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    codes = text
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[1]!.replace(/"/g, ''));
    expect(codes).to.have.length(45);
    await page.waitForSelector('ws-edition td:has-text("Đợt 1")');
  });

  it('a firm answers through the answering API; a paper form from the template is imported in the browser', async () => {
    // SO_KHDT is better on everything but transparency, where SO_TC is: weights decide their order.
    for (const code of codes.slice(4, 44)) {
      const response = validResponse(4);
      const depts = response.units!.departments!;
      Object.assign(depts.SO_KHDT!, { TR1: 1, TR3: 1 });
      depts.SO_TC = { ...validResponse(1).units!.departments!.SO_KHDT!, TR1: 5, TR3: 5 };
      const res = await fetch(`${base}/api/v1/surveys/${slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, submissionId: nonce(), response }),
      });
      expect(res.status, await res.clone().text()).to.equal(200);
    }
    // The scheduled mixer (server/collection/jobs.ts) stores accepted submissions in batches of k.
    await runMixer(database.db, codeHasher(CODE_SECRET), DEFAULT_MIXER);
    const paper = readFileSync('test/fixtures/surveys/paper-good.csv', 'utf8').replace(
      /\{\{CODE(\d)\}\}/g,
      (_, i: string) => codes[Number(i)]!,
    );
    const file = path.join(dir, 'paper.csv');
    writeFileSync(file, paper);
    await page.setInputFiles('ws-intake input[type=file]', file);
    await page.click('ws-intake form button[type=submit]');
    await page.waitForSelector('ws-intake .ok');
    expect(await page.textContent('ws-intake .ok')).to.contain('3');
    await page.reload();
    await page.waitForSelector('ws-monitor p');
    await axeClean();
    expect(await shoot(page, OUT, '05-edition')).to.deep.equal([]);
  });

  it('the audit page lists each step, without any survey code', async () => {
    await go('/admin/audit', 'ws-audit td:has-text("code_batch.create")');
    for (const action of [
      'user.create',
      'family.create',
      'unit.create',
      'lineage.create',
      'survey_edition.create',
      'survey_edition.open',
      'code_batch.create',
    ]) {
      await page.fill('ws-audit input[name=action]', action);
      await page.click('ws-audit form button');
      await page.waitForSelector(`ws-audit td:has-text("${action}")`);
    }
    expect(page.url()).to.contain('action=code_batch.create');
    const rows = await database.db.select().from(auditLog);
    const all = JSON.stringify(rows);
    for (const c of codes) expect(all).not.to.contain(c);
    await axeClean();
    expect(await shoot(page, OUT, '06-audit')).to.deep.equal([]);
  });

  it('changing a weight moves the preview ranking (computed in the browser); publishing changes the public ranking', async () => {
    await page.goto(`${base}/admin/methodology/ddci-e2e/2025`);
    await page.waitForSelector('ws-methodology tbody tr').catch(async (e) => {
      await page.screenshot({ path: `${OUT}/debug-methodology.png`, fullPage: true });
      throw e;
    });
    const order = async () =>
      (
        await page.locator('ws-methodology table >> nth=0 >> tbody tr td:nth-child(2)').allTextContents()
      ).slice(0, 2);
    const before = await order();
    expect(before[0]).to.contain('SO_KHDT');
    await page.fill('ws-methodology form input >> nth=0', '60');
    await page.waitForFunction(() => true);
    expect((await order())[0]).to.contain('SO_TC');
    await axeClean();
    expect(await shoot(page, OUT, '07-methodology')).to.deep.equal([]);
    await page.fill('ws-publish input[name=note]', 'Minh bạch ×60');
    await page.click('ws-publish button:has-text("Lưu thành phiên bản mới")');
    await page.waitForSelector('ws-publish li:has-text("Minh bạch ×60")');
    await page.click('ws-publish li:has-text("Minh bạch ×60") button');
    await page.waitForSelector('ws-publish button:has-text("Gửi duyệt")');
    await page.click('ws-publish button:has-text("Gửi duyệt")');
    await page.waitForSelector('ws-publish button:has-text("Công bố bản kết quả")');
    await page.click('ws-publish button:has-text("Công bố bản kết quả")');
    await page.waitForSelector('ws-publish .ok:has-text("Đã công bố")', { timeout: 60_000 });
    const ranking = await (await fetch(`${base}/api/v1/rankings/ddci-e2e/2025?block=departments`)).json();
    expect(ranking.rows[0].unit.code).to.equal('SO_TC');
  });

  it('the language switch shows the workspace in English', async () => {
    await go('/admin/audit', 'ws-audit');
    await page.click('header button:has-text("English")');
    await page.waitForSelector('ws-audit h1:has-text("Audit log")');
    expect(await page.textContent('nav')).to.contain('Survey editions');
  });
});
