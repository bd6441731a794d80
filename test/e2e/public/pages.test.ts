import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { SCREENSHOTS, closePublicSite, openPage, publicSite, rankingReady, type PublicSite } from './site.js';

/** Every public page, at both widths: it renders, passes axe with no serious or critical finding, and is screenshotted. */
const PAGES: Array<{ name: string; path: string; ready: string }> = [
  { name: 'ranking-pci-2016', path: '/rankings/pci/2016?lang=en', ready: 'ci-strip-chart g.unit' },
  { name: 'ranking-pci-2016-map', path: '/rankings/pci/2016?tab=map&lang=en', ready: 'ci-choropleth path' },
  { name: 'ranking-ddci-2025-departments', path: '/rankings/ddci-demo/2025', ready: 'ci-strip-chart g.unit' },
  { name: 'profile-hanoi', path: '/units/pci/hanoi?lang=en', ready: 'ci-trend-chart circle' },
  { name: 'profile-angiang', path: '/units/pci/angiang', ready: 'ci-trend-chart circle' },
  {
    name: 'compare-pci',
    path: '/compare/pci?year=2016&units=hanoi~danang&lang=en',
    ready: 'ci-trend-chart circle',
  },
  { name: 'trends-pci', path: '/trends/pci?lang=en', ready: 'ci-trend-chart circle' },
  {
    name: 'methodology-ddci-2025',
    path: '/methodology/ddci-demo/2025?lang=en',
    ready: 'table.tree tbody tr',
  },
  { name: 'methodology-pci-2016', path: '/methodology/pci/2016', ready: 'dl.facts' },
  { name: 'not-found', path: '/profiles/x?lang=en', ready: 'ci-not-found h1' },
];

for (const width of [1280, 375] as const) {
  describe(`public pages at ${width} px: render, axe-core, screenshots (browser)`, function () {
    this.timeout(300_000);
    let site: PublicSite;
    let page: Page;

    before(async function () {
      site = await publicSite(this);
      page = await openPage(site, width);
    });

    after(() => closePublicSite(site));

    for (const p of PAGES)
      it(`${p.path} renders with 0 serious or critical axe violations`, async () => {
        await page.goto(`${site.base}${p.path}`);
        await page.locator(p.ready).first().waitFor({ state: 'attached' });
        await page.screenshot({ path: `${SCREENSHOTS}/${p.name}-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'page scrolls sideways').to.be.at.most(0);
        expect(await seriousViolations(page)).to.deep.equal([]);
      });
  });
}

/** "Loading…" texts and aria-busy elements still on the page, across shadow roots. */
const loadingMarkers = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.getAttribute('aria-busy') === 'true') found.push('aria-busy: ' + el.textContent.trim());
        else if (!el.children.length && /Loading…|Đang tải/.test(el.textContent)) found.push(el.textContent.trim());
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  })()`);

describe('unit profile, compare and trends (browser)', function () {
  this.timeout(300_000);
  let site: PublicSite;
  let page: Page;

  before(async function () {
    site = await publicSite(this);
    page = await openPage(site, 1280);
  });

  after(() => closePublicSite(site));

  it('opens a profile from the ranking and sees Hà Nội’s trend bridge Hà Tây (2008 merger)', async () => {
    await page.goto(`${site.base}/rankings/pci/2016?lang=en`);
    await rankingReady(page, 63);
    await page.locator('ci-ranking-table a', { hasText: 'Hanoi' }).click();
    await page.waitForURL(/\/units\/pci\/hanoi/);
    await page.locator('ci-trend-chart circle').first().waitFor({ state: 'attached' });
    expect(await page.locator('h1').textContent()).to.equal('Hanoi');
    expect(await page.locator('ci-trend-chart g.series').count()).to.equal(2);
    expect(await page.locator('ci-trend-chart .lineage text').first().textContent()).to.include(
      'Ha Tay → Hanoi',
    );
    expect(await page.locator('ci-trend-chart path.bridged').count()).to.be.greaterThan(0);
    const rows = await page.locator('ci-profile-history tbody tr.predecessor').allTextContents();
    expect(rows.join('|')).to.match(/Ha Tay/);
    expect(await page.locator('ci-sub-index-bars tbody tr').count()).to.equal(10);
    expect(await page.locator('ci-sub-index-bars .sw').textContent()).to.match(/Strengths:.*Weaknesses:/s);
  });

  it('opens a 2025 province created by a merger and sees its predecessors', async () => {
    await page.goto(`${site.base}/units/pci/angiang?lang=en`);
    await page.locator('ci-trend-chart circle').first().waitFor({ state: 'attached' });
    expect(await page.locator('ul.lineage').textContent()).to.match(/Kien Giang\s+merged into\s+An Giang/);
    expect(await page.locator('ci-profile-history tbody tr.predecessor').count()).to.be.greaterThan(0);
  });

  it('compares two units: sub-indices side by side and trends on shared axes; the URL restores the view', async () => {
    await page.goto(`${site.base}/compare/pci?year=2016&units=hanoi~danang&lang=en`);
    await page.locator('ci-trend-chart circle').first().waitFor({ state: 'attached' });
    const heads = await page.locator('table.side thead th').allTextContents();
    expect(heads.slice(1)).to.deep.equal(['Hanoi', 'Da Nang']);
    expect(await page.locator('table.side tbody tr').count()).to.equal(11);
    expect(await loadingMarkers(page), 'loading marker left after rendering').to.deep.equal([]);
    await page.getByLabel('Unit 3').selectOption('hochiminh');
    await page.waitForURL(/units=hanoi~danang~hochiminh/);
    await page.reload();
    await page.locator('table.side thead th').nth(3).waitFor();
    expect(await page.locator('table.side thead th').count()).to.equal(4);
    await page.locator('ci-trend-chart g.series').nth(2).waitFor({ state: 'attached' });
    expect(await loadingMarkers(page), 'loading marker left after a unit was added').to.deep.equal([]);
  });

  it('trends default to the top 5 and bottom 5 with breaks and lineage marked', async () => {
    await page.goto(`${site.base}/trends/pci?lang=en`);
    await page.locator('ci-trend-chart circle').first().waitFor({ state: 'attached' });
    const labels = await page.locator('ci-trend-chart .keys li').allTextContents();
    expect(labels.length).to.be.at.least(10);
  });
});
