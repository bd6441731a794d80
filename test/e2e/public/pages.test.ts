import { expect } from 'chai';
import type { Page } from 'playwright-core';
import type { Ranking, ReleaseDocument, UnitProfile } from '#api/releases.js';
import { seriousViolations } from './axe.js';
import { SCREENSHOTS, closePublicSite, openPage, publicSite, rankingReady, type PublicSite } from './site.js';

/** Every public page, at both widths: it renders, passes axe with no serious or critical finding, and is screenshotted. */
const PAGES: Array<{ name: string; path: string; ready: string }> = [
  { name: 'ranking-pci-2016', path: '/rankings/pci/2016?lang=en', ready: 'ci-strip-chart g.unit' },
  { name: 'ranking-pci-2016-map', path: '/rankings/pci/2016?tab=map&lang=en', ready: 'ci-choropleth path' },
  { name: 'ranking-ddci-2025-departments', path: '/rankings/ddci-demo/2025', ready: 'ci-strip-chart g.unit' },
  { name: 'profile-hanoi', path: '/units/pci/hanoi?lang=en', ready: 'ci-trend-chart circle' },
  { name: 'profile-angiang', path: '/units/pci/angiang', ready: 'ci-trend-chart circle' },
  { name: 'profile-ddci-so-xd', path: '/units/ddci-demo/SO_XD?lang=en', ready: 'ci-explanation details' },
  {
    name: 'ranking-pci-2016-map-score',
    path: '/rankings/pci/2016?tab=map&colour=score',
    ready: 'ci-choropleth figure.scale',
  },
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

  it('explains a DDCI composite down to its indicators: sub-index points sum to the composite, indicators show raw value, n and score', async () => {
    const ranking = (await (await fetch(`${site.base}/api/v1/rankings/ddci-demo/2025`)).json()) as Ranking;
    const code = ranking.rows[0]!.unit.code;
    const profile = (await (
      await fetch(`${site.base}/api/v1/units/ddci-demo/${code}`)
    ).json()) as UnitProfile;
    const last = profile.series.filter((e) => e.relation === 'self').at(-1)!;
    await page.goto(`${site.base}/units/ddci-demo/${code}?lang=en`);
    await page.locator('ci-explanation table.chain tbody tr').first().waitFor();
    const total = await page.locator('ci-explanation td.total').textContent();
    expect(total).to.equal(last.composite.value!.toFixed(2));
    expect(await page.locator('ci-explanation table.chain tbody tr').count()).to.equal(
      last.components.length,
    );
    expect(
      await page.locator('ci-explanation .note').count(),
      'no gap and no missing-indicators note',
    ).to.equal(0);
    const first = last.components[0]!.code;
    await page.locator(`ci-explanation details[data-component="${first}"] summary`).click();
    const rows = page.locator(`ci-explanation details[data-component="${first}"] tbody tr`);
    const indicators = (last.indicators ?? []).filter((i) => i.component === first);
    expect(indicators.length).to.be.greaterThan(0);
    expect(await rows.count()).to.equal(indicators.length);
    const i0 = indicators[0]!;
    const v0 = last.indicatorValues![i0.code]!;
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[1]?.trim()).to.equal(String(v0.n));
    expect(cells[2]?.trim()).to.equal(v0.score === null ? cells[2]?.trim() : v0.score.toFixed(2));
    await page.screenshot({ path: `${SCREENSHOTS}/profile-ddci-explained-1280.png`, fullPage: true });
    expect(await seriousViolations(page), 'axe with an indicator table open').to.deep.equal([]);
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'page scrolls sideways at 375 px').to.be.at.most(0);
    await page.locator(`ci-explanation details[data-component="${first}"]`).screenshot({
      path: `${SCREENSHOTS}/profile-ddci-explained-375.png`,
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    // Printing opens every indicator table, and closes afterwards those the reader had not opened.
    const open = () =>
      page
        .locator('ci-explanation details')
        .evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await open()).to.satisfy(
      (o: boolean[]) => o.length === last.components.length && o.every(Boolean),
    );
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect((await open()).filter(Boolean)).to.have.length(1);
    await page.goto(`${site.base}/units/pci/hanoi?lang=en`);
    await page.locator('ci-explanation table.chain').waitFor();
    expect(await page.locator('ci-explanation td.total').textContent()).to.equal('60.74');
    expect(await page.locator('ci-explanation .note').allTextContents()).to.satisfy((t: string[]) =>
      t.some((x) => /no indicator values/.test(x)),
    );
  });

  it('the methodology page gives sample sizes and response rates per block and unit, and each survey indicator’s question', async () => {
    await page.goto(`${site.base}/methodology/ddci-demo/2025?lang=en`);
    await page.locator('ci-response-rates h3').first().waitFor();
    const doc = (await (
      await fetch(`${site.base}/api/v1/releases/ddci-demo-2025-r1`)
    ).json()) as ReleaseDocument;
    const text = (await page.locator('ci-response-rates p').allTextContents()).join(' ');
    expect(text).to.include(`${doc.survey!.responses.toLocaleString('en-GB')} responses used`);
    expect(await page.locator('ci-response-rates h3').count()).to.equal(doc.blocks.length);
    const b0 = doc.blocks[0]!;
    await page.locator(`ci-response-rates details[data-block="${b0.code}"] summary`).click();
    const rows = page.locator(`ci-response-rates details[data-block="${b0.code}"] tbody tr`);
    expect(await rows.count()).to.equal(b0.units.length);
    const u0 = b0.units[0]!;
    expect((await rows.first().locator('td').first().textContent())?.trim()).to.equal(String(u0.n));
    // The question as the definition the release names (its hash checked) words it, with the answers counted.
    await page.locator('table.tree tr[data-node="tr1"] .question .item').waitFor();
    const question = await page.locator('table.tree tr[data-node="tr1"] .question').textContent();
    expect(question).to.match(/TR1\s+“How easy is it to obtain documents of \[the unit\]/);
    expect(question).to.match(/Counts the answers: Easy, Very easy\./);
    await page.screenshot({ path: `${SCREENSHOTS}/methodology-ddci-rates-1280.png`, fullPage: true });
    expect(await seriousViolations(page), 'axe with a respondents table open').to.deep.equal([]);
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
