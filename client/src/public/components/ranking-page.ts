import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import type { FamilySummary, Ranking, ReleaseDocument } from '#api/releases.js';
import { fetchRanking, fetchRelease, rankingPath } from '#client/src/shared/api.js';
import { families, latestYear } from '#client/src/public/families.js';
import { isNotFound, loadErrorText } from '#client/src/public/load-error.js';
import { defaultDir } from '#client/src/public/ranking-sort.js';
import { rankingSummary } from '#client/src/public/summary.js';
import { tierBands, type TierBand } from '#client/src/public/tiers.js';
import type { ViewState } from '#client/src/public/url-state.js';
import { whatIf, type WhatIfMethodology, type WhatIfResult } from '#client/src/public/what-if.js';
import type { StripDatum } from '#client/src/public/charts/strip-state.js';
import { pageStyles } from './page-styles.js';
import { rankingVisual } from './ranking-visual.js';
import './not-found.js';
import './ranking-table.js';
import './tier-legend.js';
import './view-controls.js';
import './what-if-panel.js';
import './embed-snippet.js';
import '#client/src/answer/open-surveys.js';
import { periodLabel } from '#api/periods.js';

/** The methodology parts of a release document, when the platform computed it (imported releases have none). */
function methodologyOf(doc: ReleaseDocument | undefined): WhatIfMethodology | null {
  const m = doc?.methodology.document as Partial<WhatIfMethodology> | null | undefined;
  return m && typeof m === 'object' && m.tree ? (m as WhatIfMethodology) : null;
}

/**
 * The public ranking of one family, edition and block, with its chart, tier legend, summary and
 * what-if weights.
 * @fires state-change - `{patch, replace?}` when the reader changes the view.
 */
export class RankingPage extends LitElement {
  static override properties = {
    state: { attribute: false },
    home: { attribute: false },
    _highlight: { state: true },
  };
  declare state: ViewState;
  /** The site's home page: announce the surveys open in every family, not only this one. */
  declare home: boolean;
  declare _highlight: string | null;
  private _memo: { key: unknown[]; bands: TierBand[]; whatIf: WhatIfResult | null } | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._highlight = null;
    this.home = false;
  }

  private readonly _families = new Task(this, {
    task: () => families(this.state.lang),
    args: () => [] as const,
  });

  private readonly _ranking = new Task(this, {
    task: ([family, year, block, release], { signal }): Promise<Ranking | undefined> =>
      year === undefined
        ? Promise.resolve(undefined)
        : fetchRanking(family, year, block, this.state.lang, signal, release),
    args: () => [this.state.family, this.state.year, this.state.block, this.state.release] as const,
  });

  private readonly _release = new Task(this, {
    task: ([id], { signal }) =>
      id ? fetchRelease(id, this.state.lang, signal).catch(() => undefined) : Promise.resolve(undefined),
    args: () => [this._ranking.value?.release?.id] as const,
  });

  private _family(): FamilySummary | undefined {
    return this._families.value?.find((f) => f.code === this.state.family);
  }

  override willUpdate(): void {
    const family = this._family();
    if (family && this.state.year === undefined) {
      const year = latestYear(family);
      if (year !== undefined) this._emit({ year }, true);
    }
  }

  private _emit(patch: Partial<ViewState>, replace = false): void {
    this.dispatchEvent(
      new CustomEvent('state-change', { detail: { patch, replace }, bubbles: true, composed: true }),
    );
  }

  private _onSort(e: CustomEvent<{ sort: string }>): void {
    const { sort } = e.detail;
    const dir = sort === this.state.sort ? (this.state.dir === 'asc' ? 'desc' : 'asc') : defaultDir(sort);
    this._emit({ sort, dir });
  }

  private _onPick(e: CustomEvent<{ family?: string; year?: number; block?: string }>): void {
    const d = e.detail;
    if (d.family !== undefined) this._emit({ family: d.family });
    else if (d.year !== undefined) this._emit({ year: d.year, weights: null, release: undefined });
    else if (d.block !== undefined) this._emit({ block: d.block, weights: null, sort: 'rank', dir: 'asc' });
  }

  /** Bands and what-if results, recomputed only when their inputs change. */
  private _derived(r: Ranking) {
    const m = methodologyOf(this._release.value);
    const key = [r, m, this.state.weights];
    if (this._memo && this._memo.key.every((k, i) => k === key[i])) return this._memo;
    const bands = tierBands(
      r.tiers,
      r.rows.map((row) => ({ value: row.composite, tier: row.tier?.code ?? null })),
      m?.tiers,
    );
    // Imported releases carry no tier rule: re-tier on the observed band floors (labelled "observed").
    const rule =
      m?.tiers ??
      (bands.length > 1 && bands.slice(0, -1).every((b) => b.lower !== null)
        ? {
            method: 'fixed' as const,
            cutoffs: bands.slice(0, -1).map((b) => b.lower!),
            labels: bands.map((b) => b.name),
          }
        : undefined);
    const w = this.state.weights
      ? whatIf(r, this.state.weights, {
          tree: {
            type: 'index',
            code: r.composite.code,
            name: r.composite.name,
            weight: 1,
            aggregator: 'arithmetic',
            children: [],
          },
          ...m,
          tiers: rule,
        })
      : null;
    this._memo = { key, bands, whatIf: w };
    return this._memo;
  }

  private _chartData(r: Ranking, w: WhatIfResult | null): StripDatum[] {
    const lang = this.state.lang;
    return r.rows.map((row) => {
      const o = w?.units.get(row.unit.code);
      const tier = row.tier ? r.tiers.findIndex((t) => t.code === row.tier!.code) : -1;
      return {
        code: row.unit.code,
        label: row.unit.name[lang],
        value: o ? o.composite : row.composite,
        interval: o ? null : row.interval,
        tier: o ? o.tier : tier < 0 ? null : tier,
      };
    });
  }

  /** The strip chart, or for provinces optionally the map (both linked to the table). */
  private _chart(r: Ranking, bands: TierBand[], w: WhatIfResult | null, summary: string) {
    return rankingVisual({
      ranking: r,
      bands,
      data: this._chartData(r, w),
      state: this.state,
      highlight: this._highlight,
      summary,
      emit: (patch) => this._emit(patch, true),
      onHighlight: (e) => (this._highlight = e.detail.code),
      onOpen: (e) => this._emit({ view: 'unit', unit: e.detail.code }),
    });
  }

  private _links(r: Ranking) {
    const { lang, family, year, block } = this.state;
    const q = lang === 'en' ? '?lang=en' : '';
    return html`<nav class="links" aria-label=${msg('About this ranking', { id: 'public.ranking.links' })}>
      <a href=${rankingPath(family, year!, block ?? r.block.code, '.csv', lang)} download
        >${msg('Download CSV', { id: 'public.ranking.csv' })}</a
      >
      <a
        href=${rankingPath(family, year!, block ?? r.block.code, '', lang).replace(`/${year}?`, `/${year}.json?`)}
        >JSON</a
      >
      <a href=${`/methodology/${family}/${year}${q}`}
        >${msg('Methodology', { id: 'public.nav.methodology' })}</a
      >
      <a href=${`/trends/${family}?year=${year}&block=${r.block.code}${lang === 'en' ? '&lang=en' : ''}`}
        >${msg('Trends', { id: 'public.nav.trends' })}</a
      >
      <a href=${`/compare/${family}?year=${year}&block=${r.block.code}${lang === 'en' ? '&lang=en' : ''}`}
        >${msg('Compare', { id: 'public.nav.compare' })}</a
      >
    </nav>`;
  }

  private _view(r: Ranking | undefined) {
    const { lang } = this.state;
    if (!r) return nothing;
    const { bands, whatIf: w } = this._derived(r);
    const summary = rankingSummary(r, bands, lang);
    const superseded = r.release?.status === 'superseded';
    return html`
      ${r.family.isDemo ? html`<p class="demo" role="note">${msg('DEMO DATA: this province and its results are fictional, for testing only.', { id: 'public.demo' })}</p>` : nothing}
      ${superseded ? html`<p class="demo" role="note">${msg('This release has been corrected; you are viewing the superseded version.', { id: 'public.superseded' })} <a href=${`?release=${r.release.current}`}>${msg('See the current release', { id: 'public.superseded.link' })}</a></p>` : nothing}
      <h1>${r.family.name[lang]} ${periodLabel(r.year, lang)} · ${r.block.name[lang]}</h1>
      <p class="summary" id="summary">${summary}</p>
      ${this._links(r)}
      ${this.state.embed ? nothing : html`<ci-open-surveys announce family=${this.home ? nothing : r.family.code}></ci-open-surveys>`}
      <ci-tier-legend .bands=${bands} .lang=${lang}></ci-tier-legend>
      ${this._chart(r, bands, w, summary)}
      <details class="whatif" ?open=${this.state.weights !== null}>
        <summary>${msg('What if the weights were different?', { id: 'public.whatif.open' })}</summary>
        <ci-what-if-panel
          .components=${r.components}
          .weights=${this.state.weights}
          .lang=${lang}
          @weights-change=${(e: CustomEvent<{ weights: Record<string, number> | null; commit: boolean }>) =>
            this._emit({ weights: e.detail.weights }, !e.detail.commit)}
        ></ci-what-if-panel>
      </details>
      ${w ? html`<p class="unofficial" role="status">${msg('Unofficial what-if ranking: ranks, scores and tiers below use your weights, not the published ones.', { id: 'public.whatif.banner' })}</p>` : nothing}
      <ci-ranking-table
        .ranking=${r}
        .bands=${bands}
        .whatIf=${w}
        .lang=${lang}
        .sort=${this.state.sort}
        .dir=${this.state.dir}
        .highlight=${this._highlight}
        @sort=${this._onSort}
        @highlight=${(e: CustomEvent<{ code: string | null }>) => (this._highlight = e.detail.code)}
      ></ci-ranking-table>
      ${this._footnotes(r)}
    `;
  }

  private _footnotes(r: Ranking) {
    const { lang } = this.state;
    const family = this._family();
    const u = r.uncertainty;
    return html`<p class="meta">
        ${msg('Sub-index scores are on a 10-point scale; the composite is out of 100.', { id: 'public.ranking.scale' })}
        ${
          u
            ? msg(
                str`Intervals: ${u.interval[0]}th–${u.interval[1]}th percentiles of ${u.resamples} bootstrap resamples of the respondents.`,
                { id: 'public.ranking.intervals' },
              )
            : r.release?.origin.kind === 'imported'
              ? msg('This release has no intervals (imported published scores).', {
                  id: 'public.ranking.no-intervals',
                })
              : msg('This release was published without intervals (no bootstrap resamples).', {
                  id: 'public.ranking.no-intervals-computed',
                })
        }
      </p>
      ${family?.source ? html`<p class="meta">${msg('Source', { id: 'public.source' })}: ${family.source[lang]}</p>` : nothing}
      ${r.release ? html`<ci-embed-snippet .ranking=${r} .lang=${lang}></ci-embed-snippet>` : nothing}`;
  }

  override render() {
    const { lang } = this.state;
    const error = (e: unknown) =>
      isNotFound(e)
        ? html`<ci-not-found .lang=${lang} what=${location.pathname}></ci-not-found>`
        : html`<p class="status error" role="alert">
            ${loadErrorText(e)}
            <button type="button" @click=${() => (this._families.run(), this._ranking.run())}>
              ${msg('Try again', { id: 'public.retry' })}
            </button>
          </p>`;
    const families = this._families.value;
    if (families && !this._family())
      return html`<ci-not-found .lang=${lang} what=${this.state.family}></ci-not-found>`;
    const loading = () =>
      html`<p class="status" aria-busy="true">${msg('Loading…', { id: 'public.loading' })}</p>`;
    return html`
      ${
        families
          ? html`<ci-view-controls
              .families=${families}
              family=${this.state.family}
              .year=${this.state.year}
              .block=${this._ranking.value?.block.code ?? this.state.block}
              .lang=${lang}
              @pick=${this._onPick}
            ></ci-view-controls>`
          : nothing
      }
      ${this._families.render({ error })}
      ${this._ranking.render({
        pending: loading,
        // The ranking waits for its release's methodology, so the legend's cut-offs and any what-if
        // numbers appear once, as published, instead of changing a moment later.
        complete: (r) => (r && this._release.status === TaskStatus.PENDING ? loading() : this._view(r)),
        error,
      })}
    `;
  }

  static override styles = pageStyles;
}

customElements.define('ci-ranking-page', RankingPage);

declare global {
  interface HTMLElementTagNameMap {
    'ci-ranking-page': RankingPage;
  }
}
