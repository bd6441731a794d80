import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { brokenHeaderWords } from './broken-words.js';
import { SCREENSHOTS, closePublicSite, openPage, publicSite, rankingReady, type PublicSite } from './site.js';

describe('public ranking page (browser)', function () {
  this.timeout(240_000);
  let site: PublicSite;
  let page: Page;

  before(async function () {
    site = await publicSite(this);
    page = await openPage(site, 1280);
  });

  after(() => closePublicSite(site));

  const rowUnits = () => page.locator('ci-ranking-table tbody tr th.unit').allTextContents();

  it('opens /rankings/pci/2016: 63 rows in rank order, Vietnamese numbers, chart, legend and summary', async () => {
    await page.goto(`${site.base}/rankings/pci/2016`);
    await rankingReady(page, 63);
    expect(await page.locator('ci-ranking-table tbody tr').count()).to.equal(63);
    expect((await rowUnits())[0]?.trim()).to.equal('Đà Nẵng');
    expect(
      await page.locator('ci-ranking-table tbody tr >> nth=0').locator('td.composite .value').textContent(),
    ).to.equal('70,00');
    expect(await page.locator('ci-strip-chart g.unit').count()).to.equal(63);
    expect(await page.locator('ci-tier-legend li').count()).to.equal(6);
    expect(await page.locator('p.summary').textContent()).to.match(/Đà Nẵng/);
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-pci-2016-vi-1280.png`, fullPage: true });
  });

  it('shows every column at 1280 px without hidden overflow', async () => {
    const overflow = await page.locator('ci-ranking-table').evaluate((el) => {
      const box = el.shadowRoot!.querySelector('.scroll')!;
      return box.scrollWidth - box.clientWidth;
    });
    expect(overflow).to.be.at.most(0);
    const headers = await page.locator('ci-ranking-table thead th').count();
    expect(headers).to.equal(6 + 10);
  });

  it('wraps long DDCI column headers between words only, every column still visible at 1280 px', async () => {
    for (const path of [
      '/rankings/pci/2016',
      '/rankings/ddci-demo/2025?block=localities&lang=en',
      '/rankings/ddci-demo/2025',
    ]) {
      await page.goto(`${site.base}${path}`);
      await page.locator('ci-ranking-table tbody tr').first().waitFor();
      expect(await brokenHeaderWords(page), path).to.deep.equal([]);
      const overflow = await page.locator('ci-ranking-table').evaluate((el) => {
        const box = el.shadowRoot!.querySelector('.scroll')!;
        return box.scrollWidth - box.clientWidth;
      });
      expect(overflow, path).to.be.at.most(0);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-ddci-2025-vi-1280.png`, fullPage: true });
    // The check itself sees a word broken mid-word (as "Transparen cy" was).
    await page.goto(`${site.base}/rankings/ddci-demo/2025?block=localities&lang=en`);
    await page.locator('ci-ranking-table tbody tr').first().waitFor();
    await page.locator('ci-ranking-table').evaluate((el) => {
      const style = document.createElement('style');
      style.textContent =
        'thead th.sub button { display: block; max-width: 2.5rem; overflow-wrap: anywhere }';
      el.shadowRoot!.append(style);
    });
    expect(await brokenHeaderWords(page)).to.not.deep.equal([]);
  });
});

describe('public ranking page: interaction (browser)', function () {
  this.timeout(240_000);
  let site: PublicSite;
  let page: Page;

  before(async function () {
    site = await publicSite(this);
    page = await openPage(site, 1280);
    await page.goto(`${site.base}/rankings/pci/2016`);
    await rankingReady(page, 63);
  });

  after(() => closePublicSite(site));

  const column = async (code: string) =>
    (await page.locator(`ci-ranking-table tbody td[data-component="${code}"]`).allTextContents()).map((t) =>
      Number(t.trim()),
    );

  it('switches to English and keeps the language in the URL', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('columnheader', { name: /^Rank/ }).waitFor();
    expect(page.url()).to.match(/\/rankings\/pci\/2016\?lang=en$/);
    expect(
      await page.locator('ci-ranking-table tbody tr >> nth=0').locator('td.composite .value').textContent(),
    ).to.equal('70.00');
    expect(
      (await page.locator('ci-ranking-table tbody tr >> nth=0').locator('.badge').textContent())?.trim(),
    ).to.equal('Excellent');
    expect(await page.locator('p.summary').textContent()).to.match(/^In 2016, Da Nang ranks first of 63/);
  });

  it('sorts by a sub-index column, high to low, and back', async () => {
    await page.getByRole('button', { name: /^Transparency/ }).click();
    expect(page.url()).to.include('sort=transparency');
    const desc = await column('transparency');
    expect(desc).to.deep.equal([...desc].sort((a, b) => b - a));
    expect(
      await page.getByRole('columnheader', { name: /^Transparency/ }).getAttribute('aria-sort'),
    ).to.equal('descending');
    await page.getByRole('button', { name: /^Transparency/ }).click();
    const asc = await column('transparency');
    expect(asc).to.deep.equal([...asc].sort((a, b) => a - b));
  });

  it('reloading the URL restores the same view; back and forward work', async () => {
    await page.reload();
    await rankingReady(page, 63);
    expect(
      await page.getByRole('columnheader', { name: /^Transparency/ }).getAttribute('aria-sort'),
    ).to.equal('ascending');
    await page.getByLabel('Year').selectOption('2008');
    await page.locator('ci-ranking-table tbody tr th.unit', { hasText: 'Ha Tay' }).waitFor();
    expect(page.url()).to.match(/\/rankings\/pci\/2008\?/);
    await page.goBack();
    await page.locator('h1', { hasText: '2016' }).waitFor();
    await page.goForward();
    await page.locator('h1', { hasText: '2008' }).waitFor();
  });

  it('hovering a table row highlights the unit in the chart, and the chart names it', async () => {
    await page.goto(`${site.base}/rankings/pci/2016?lang=en`);
    await rankingReady(page, 63);
    await page.locator('ci-ranking-table tbody tr[data-unit]').nth(2).hover();
    const code = await page.locator('ci-ranking-table tbody tr[data-unit]').nth(2).getAttribute('data-unit');
    expect(await page.locator(`ci-strip-chart g.unit.active`).getAttribute('data-unit')).to.equal(code);
    expect(await page.locator('ci-strip-chart figcaption').textContent()).to.match(/Dong Thap/);
  });

  it('colours the map by score on a continuous scale with its legend; the choice is in the URL and survives reload', async () => {
    await page.goto(`${site.base}/rankings/pci/2016?tab=map&lang=en`);
    await page.locator('ci-choropleth path').first().waitFor({ state: 'attached' });
    const fills = () =>
      page
        .locator('ci-choropleth path[data-unit]')
        .evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    const byTier = new Set(await fills());
    expect(await page.locator('ci-choropleth figure.scale').count()).to.equal(0);
    await page
      .getByRole('group', { name: 'Colour the map by' })
      .getByRole('button', { name: 'Score', exact: true })
      .click();
    await page.waitForURL(/colour=score/);
    await page.locator('ci-choropleth figure.scale').waitFor();
    const byScore = await fills();
    // A continuous scale: (nearly) one colour per province, none of them a tier colour.
    expect(new Set(byScore).size).to.be.greaterThan(byTier.size * 3);
    expect(byScore.filter((f) => byTier.has(f))).to.deep.equal([]);
    const ticks = await page.locator('ci-choropleth figure.scale text').allTextContents();
    expect(Number(ticks[0])).to.be.at.most(52.99);
    expect(Number(ticks.at(-1))).to.be.at.least(70);
    // Đà Nẵng (70.00, first) is darker than Cao Bằng (52.99, last).
    const dark = await page.locator('ci-choropleth path[data-unit="danang"]').getAttribute('fill');
    const light = await page.locator('ci-choropleth path[data-unit="caobang"]').getAttribute('fill');
    const lum = (hex: string) =>
      [1, 3, 5].reduce((s, i, k) => s + [0.2126, 0.7152, 0.0722][k]! * parseInt(hex.slice(i, i + 2), 16), 0);
    expect(lum(dark!)).to.be.below(lum(light!));
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-pci-2016-map-score-1280.png`, fullPage: true });
    await page.reload();
    await page.locator('ci-choropleth figure.scale').waitFor();
    expect(
      await page.getByRole('button', { name: 'Score', exact: true }).getAttribute('aria-pressed'),
    ).to.equal('true');
    await page.getByRole('button', { name: 'Tier', exact: true }).click();
    await page.waitForURL((u) => !u.search.includes('colour='));
    expect(new Set(await fills())).to.deep.equal(byTier);
  });

  it('moves a what-if slider: ranks change, the view is labelled unofficial, the URL holds the weights, reset restores', async () => {
    const before = await page.locator('ci-ranking-table tbody tr th.unit').allTextContents();
    await page.getByText('What if the weights were different?').click();
    const slider = page.locator('ci-what-if-panel input[data-component="transparency"]');
    await slider.fill('0');
    await slider.dispatchEvent('change');
    await page.locator('p.unofficial').waitFor();
    expect(page.url()).to.include('w.transparency=0');
    const after = await page.locator('ci-ranking-table tbody tr th.unit').allTextContents();
    expect(after).to.not.deep.equal(before);
    expect(await page.getByRole('columnheader', { name: /vs official/ }).count()).to.equal(1);
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-whatif-en-1280.png` });
    await page.reload();
    await page.locator('p.unofficial').waitFor();
    expect(await page.locator('ci-ranking-table tbody tr th.unit').allTextContents()).to.deep.equal(after);
    await page.getByRole('button', { name: 'Reset to the official weights' }).click();
    await page.locator('p.unofficial').waitFor({ state: 'detached' });
    expect(await page.locator('ci-ranking-table tbody tr th.unit').allTextContents()).to.deep.equal(before);
  });

  it('downloads the CSV of the view with its rows', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const text = (await (await download.createReadStream()).toArray()).join('');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines.length).to.equal(64);
    expect(lines[1]).to.match(/Da Nang|Đà Nẵng/);
  });

  it('is operable by keyboard: Tab reaches a sort button, Enter sorts, the chart moves with arrow keys', async () => {
    await page.goto(`${site.base}/rankings/pci/2016?lang=en`);
    await rankingReady(page, 63);
    await page.locator('ci-ranking-table thead button').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=composite/);
    await page.locator('ci-strip-chart .plot').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('ci-strip-chart g.unit.active').count()).to.equal(1);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/units\/pci\//);
  });

  it('unknown pages, families, years and units answer 404 and show the not-found page', async () => {
    for (const path of [
      '/profiles/abc',
      '/rankings/nope/2016',
      '/rankings/pci/2099',
      '/units/pci/nowhere',
      '/rankings/pci/20x6',
    ]) {
      const res = await page.goto(`${site.base}${path}?lang=en`);
      expect(res?.status(), path).to.equal(404);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    }
    expect((await page.goto(`${site.base}/rankings/pci/2016`))?.status()).to.equal(200);
    await page.goto(`${site.base}/units/pci/nowhere?lang=en`);
    await page.screenshot({ path: `${SCREENSHOTS}/not-found-en-1280.png` });
  });

  it('switching family resets the sort to rank', async () => {
    await page.goto(`${site.base}/rankings/pci/2016?sort=transparency&dir=desc&lang=en`);
    await rankingReady(page, 63);
    await page.getByLabel('Index').selectOption('ddci-demo');
    await page.getByRole('note').first().waitFor();
    expect(page.url()).to.not.include('sort=');
    expect(page.url()).to.match(/\/rankings\/ddci-demo\/2025/);
  });
});

describe('public ranking page on a phone (375 px)', function () {
  this.timeout(240_000);
  let site: PublicSite;
  let page: Page;

  before(async function () {
    site = await publicSite(this);
    page = await openPage(site, 375);
  });

  after(() => closePublicSite(site));

  it('the page does not scroll sideways; the table scrolls in its box with a sticky unit column and a cue', async () => {
    await page.goto(`${site.base}/rankings/pci/2016?lang=en`);
    await rankingReady(page, 63);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).to.be.at.most(0);
    expect(await page.locator('ci-ranking-table .cue').isVisible()).to.equal(true);
    const position = await page
      .locator('ci-ranking-table tbody th.unit')
      .first()
      .evaluate((el) => getComputedStyle(el).position);
    expect(position).to.equal('sticky');
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-pci-2016-en-375.png` });
    await page.locator('ci-ranking-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-pci-2016-en-375-table.png` });
    await page.locator('ci-ranking-table .scroll').evaluate((el) => el.scrollBy(400, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-pci-2016-en-375-scrolled.png` });
  });

  it('shows the demo DDCI with its banner, a block selector and reasons for unpublished scores', async () => {
    await page.goto(`${site.base}/rankings/ddci-demo/2025?lang=en`);
    await page.getByRole('note').first().waitFor();
    expect(await page.getByRole('note').first().textContent()).to.include('DEMO DATA');
    await page.getByLabel('Block').selectOption('localities');
    await page.locator('ci-ranking-table tbody tr').first().waitFor();
    expect(page.url()).to.include('block=localities');
    expect((await page.locator('ci-ranking-table thead th').allTextContents()).join('|')).to.include(
      'Land access',
    );
    expect(await page.locator('ci-ranking-table .reason').first().textContent()).to.equal(
      'Not published: too few responses for this unit',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/ddci-demo-2025-localities-en-375.png`, fullPage: true });
  });
});
