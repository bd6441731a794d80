import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { Ranking, RankingRow, UnitProfile } from '#api/releases.js';
import { fetchProfile, fetchRanking } from '#client/src/shared/api.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import { families, latestYear } from '#client/src/public/families.js';
import { isNotFound, loadErrorText } from '#client/src/public/load-error.js';
import { lineageMarks, methodologyBreaks, unitsSeries } from '#client/src/public/profile-series.js';
import { SERIES_COLOURS } from '#client/src/public/charts/trend-state.js';
import type { ViewState } from '#client/src/public/url-state.js';
import { pageStyles } from './page-styles.js';
import './view-controls.js';
import './not-found.js';
import '#client/src/public/charts/trend-chart.js';

const MAX = 4;

/** 2–4 units of a block: sub-indices side by side and their trends on shared axes. */
export class ComparePage extends LitElement {
  static override properties = { state: { attribute: false } };
  declare state: ViewState;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  private readonly _families = new Task(this, {
    task: () => families(this.state.lang),
    args: () => [] as const,
  });

  private readonly _ranking = new Task(this, {
    task: async ([family, year, block, fams], { signal }) => {
      if (!fams) return undefined;
      const y = year ?? latestYear(fams.find((f) => f.code === family));
      return y === undefined ? undefined : fetchRanking(family, y, block, this.state.lang, signal);
    },
    args: () => [this.state.family, this.state.year, this.state.block, this._families.value] as const,
  });

  private readonly _profiles = new Task(this, {
    // The codes travel as one string: a fresh array per update would re-run the task forever.
    task: ([family, joined], { signal }): Promise<UnitProfile[]> =>
      Promise.all(
        (joined ? joined.split('~') : []).map((c) =>
          fetchProfile(family, c, this.state.lang, signal).catch(() => null),
        ),
      ).then((ps) => ps.filter((p): p is UnitProfile => p !== null)),
    args: () => [this.state.family, this._codes().join('~')] as const,
  });

  private _codes(): string[] {
    const r = this._ranking.value;
    const chosen = this.state.units
      .filter((c) => !r || r.rows.some((row) => row.unit.code === c))
      .slice(0, MAX);
    if (chosen.length || !r) return chosen;
    return r.rows.slice(0, 2).map((row) => row.unit.code);
  }

  private _emit(patch: Partial<ViewState>): void {
    this.dispatchEvent(new CustomEvent('state-change', { detail: { patch }, bubbles: true, composed: true }));
  }

  private _setSlot(i: number, code: string): void {
    const next = [...this._codes()];
    if (code) next[i] = code;
    else next.splice(i, 1);
    this._emit({ units: [...new Set(next.filter(Boolean))] });
  }

  private _pickers(r: Ranking, codes: string[]) {
    const lang = this.state.lang;
    const slots = Math.min(MAX, Math.max(2, codes.length + 1));
    return html`<div class="pickers">
      ${Array.from(
        { length: slots },
        (_, i) =>
          html`<label
            >${msg(str`Unit ${i + 1}`, { id: 'public.compare.slot' })}
            <select @change=${(e: Event) => this._setSlot(i, (e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              ${r.rows.map((row) => html`<option value=${row.unit.code} ?selected=${codes[i] === row.unit.code}>${row.unit.name[lang]}</option>`)}
            </select></label
          >`,
      )}
    </div>`;
  }

  private _table(r: Ranking, rows: RankingRow[]) {
    const lang = this.state.lang;
    const bar = (v: number | null | undefined, i: number) =>
      v === null || v === undefined
        ? '—'
        : html`<span
              class="bar"
              style="--w:${Math.max(0, Math.min(100, v * 10))}%;--c:${SERIES_COLOURS[i % SERIES_COLOURS.length]}"
            ></span
            >${formatNumber(lang, v)}`;
    return html`<div
      class="scroll"
      tabindex="0"
      role="region"
      aria-label=${msg('Sub-indices side by side', { id: 'public.compare.table' })}
    >
      <table class="plain side">
        <thead>
          <tr>
            <th scope="col">${msg('Sub-index', { id: 'public.bars.component' })}</th>
            ${rows.map((row) => html`<th scope="col">${row.unit.name[lang]}</th>`)}
          </tr>
        </thead>
        <tbody>
          <tr class="composite">
            <th scope="row">${r.composite.name[lang]} (${msg('rank', { id: 'public.compare.rank' })})</th>
            ${rows.map((row) => html`<td><strong>${formatNumber(lang, row.composite)}</strong> (${row.rank ?? '—'})</td>`)}
          </tr>
          ${r.components.map(
            (c) =>
              html`<tr>
                <th scope="row">${c.name[lang]}</th>
                ${rows.map((row, i) => html`<td>${bar(row.scores[c.code], i)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _trends(profiles: UnitProfile[]) {
    const lang = this.state.lang;
    const fam = this._families.value?.find((f) => f.code === this.state.family);
    const years = fam?.editions.map((e) => e.year) ?? [];
    return html`<h2>${msg('Trends on shared axes', { id: 'public.compare.trends' })}</h2>
      <ci-trend-chart
        .series=${unitsSeries(profiles, lang)}
        .years=${years}
        .marks=${{
          breaks: methodologyBreaks(fam),
          lineage: lineageMarks(
            profiles.flatMap((p) => p.lineage),
            years,
            lang,
          ),
        }}
        .lang=${lang}
        .label=${msg(str`Composite scores by edition for ${profiles.map((p) => p.unit.name[lang]).join(', ')}.`, { id: 'public.compare.label' })}
      ></ci-trend-chart>`;
  }

  private _view(r: Ranking | undefined) {
    if (!r) return nothing;
    const codes = this._codes();
    const rows = codes
      .map((c) => r.rows.find((row) => row.unit.code === c))
      .filter((x): x is RankingRow => !!x);
    return html`<h1>
        ${msg('Compare', { id: 'public.nav.compare' })} · ${r.family.name[this.state.lang]} ${r.year} ·
        ${r.block.name[this.state.lang]}
      </h1>
      ${this._pickers(r, codes)} ${this._table(r, rows)}
      ${this._profiles.render({ complete: (ps) => this._trends(ps), pending: () => this._pendingTrends() })}`;
  }

  /** While other units load, the chart of the last ones stays (marked busy) instead of a bare "Loading…". */
  private _pendingTrends() {
    const last = this._profiles.value;
    return last
      ? html`<div aria-busy="true">${this._trends(last)}</div>`
      : html`<p aria-busy="true">${msg('Loading…', { id: 'public.loading' })}</p>`;
  }

  override render() {
    const lang = this.state.lang;
    const fams = this._families.value;
    if (fams && !fams.some((f) => f.code === this.state.family))
      return html`<ci-not-found .lang=${lang} what=${this.state.family}></ci-not-found>`;
    return html`${
      fams
        ? html`<ci-view-controls
            .families=${fams}
            family=${this.state.family}
            .year=${this._ranking.value?.year}
            .block=${this._ranking.value?.block.code}
            .lang=${lang}
            @pick=${(e: CustomEvent<Partial<ViewState>>) => this._emit({ ...e.detail, units: [] })}
          ></ci-view-controls>`
        : nothing
    }
    ${this._ranking.render({
      pending: () => html`<p aria-busy="true">${msg('Loading…', { id: 'public.loading' })}</p>`,
      complete: (r) => this._view(r),
      error: (e) =>
        isNotFound(e)
          ? html`<ci-not-found .lang=${lang} what=${location.pathname}></ci-not-found>`
          : html`<p role="alert">${loadErrorText(e)}</p>`,
    })}`;
  }

  static override styles = [
    pageStyles,
    css`
      .pickers {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin: 0.5rem 0 1rem;
      }
      .pickers label {
        display: flex;
        flex-direction: column;
        font-size: 0.8rem;
        color: var(--muted);
      }
      select {
        font: inherit;
        padding: 0.3rem;
        max-width: 80vw;
      }
      .side td {
        min-width: 8rem;
      }
      .bar {
        display: inline-block;
        width: calc(var(--w) * 0.6);
        height: 0.6rem;
        background: var(--c);
        margin-right: 0.3rem;
      }
    `,
  ];
}

customElements.define('ci-compare-page', ComparePage);

declare global {
  interface HTMLElementTagNameMap {
    'ci-compare-page': ComparePage;
  }
}
