import { expect } from 'chai';
import type { Page } from 'playwright-core';
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
});
