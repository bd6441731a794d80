import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { SCREENSHOTS, closePublicSite, openPage, publicSite, type PublicSite } from './site.js';

const CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{2,4})+$/;

/** The announcement's survey cards, their answer links and demo-code links. */
const announced = (page: Page) => ({
  cards: page.locator('ci-open-surveys li'),
  answer: page.locator('ci-open-surveys a.button'),
  demo: page.locator('ci-open-surveys .demo'),
  codes: page.locator('ci-open-surveys .demo a'),
});

for (const width of [1280, 375] as const) {
  describe(`public pages announce the open demo survey at ${width} px (browser)`, function () {
    this.timeout(300_000);
    let site: PublicSite;
    let page: Page;

    before(async function () {
      site = await publicSite(this);
      page = await openPage(site, width);
    });

    after(() => closePublicSite(site));

    it('the home page lists the open demo survey with its window, an answer link and marked demo codes', async () => {
      await page.goto(`${site.base}/`);
      const a = announced(page);
      await a.cards.first().waitFor();
      await page.getByRole('heading', { name: 'Các khảo sát đang mở' }).waitFor();
      expect(await a.cards.count()).to.equal(1);
      const year = new Date().getUTCFullYear();
      expect(await a.cards.first().textContent()).to.match(
        new RegExp(`Nhận phiếu từ 1 tháng 1, ${year} đến 31 tháng 12, ${year}`),
      );
      expect(await a.answer.getAttribute('href')).to.match(/^\/khao-sat\/[a-z0-9-]+$/);
      expect(await a.demo.textContent()).to.match(/Minh họa/);
      const codes = await a.codes.allTextContents();
      expect(codes).to.have.length(3);
      for (const c of codes) expect(c.trim()).to.match(CODE);
      expect(await a.codes.first().getAttribute('href')).to.match(/^\/khao-sat\/[a-z0-9-]+#code=/);
      expect(new URL(page.url()).pathname, 'the home page keeps its URL').to.equal('/');
      await page.screenshot({ path: `${SCREENSHOTS}/home-open-surveys-${width}.png`, fullPage: true });
      expect(await seriousViolations(page)).to.deep.equal([]);
    });

    it('the demo family’s ranking page shows its open survey; a PCI ranking page shows none', async () => {
      await page.goto(`${site.base}/rankings/ddci-demo/2025?lang=en`);
      const a = announced(page);
      await a.cards.first().waitFor();
      await page.getByRole('heading', { name: 'Surveys open now' }).waitFor();
      expect(await a.answer.getAttribute('href')).to.match(/^\/survey\/[a-z0-9-]+\?lang=en$/);
      expect(await a.demo.textContent()).to.match(/Demo/);
      expect(await a.codes.count()).to.equal(3);
      await page.screenshot({
        path: `${SCREENSHOTS}/ranking-ddci-open-surveys-${width}.png`,
        fullPage: true,
      });
      expect(await seriousViolations(page)).to.deep.equal([]);

      await page.goto(`${site.base}/rankings/pci/2016?lang=en`);
      await page.locator('ci-ranking-table tbody tr').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('ci-open-surveys li').count()).to.equal(0);
      expect(await page.getByText('Surveys open now').count()).to.equal(0);
    });

    it('a demo code link opens the answering page with the code held in the fragment only', async () => {
      await page.goto(`${site.base}/`);
      const a = announced(page);
      await a.codes.first().waitFor();
      const href = (await a.codes.first().getAttribute('href'))!;
      await a.codes.first().click();
      await page.waitForURL((u) => u.pathname === href.split('#')[0]);
      await page.locator('ci-survey-app').waitFor({ state: 'attached' });
    });
  });
}
