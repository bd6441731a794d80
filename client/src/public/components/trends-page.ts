import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { Ranking, UnitProfile } from '#api/releases.js';
import { fetchProfile, fetchRanking } from '#client/src/shared/api.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import { families, latestYear } from '#client/src/public/families.js';
import { isNotFound, loadErrorText } from '#client/src/public/load-error.js';
import { lineageMarks, methodologyBreaks, unitsSeries } from '#client/src/public/profile-series.js';
import type { ViewState } from '#client/src/public/url-state.js';
import { pageStyles } from './page-styles.js';
import './view-controls.js';
import './not-found.js';
import '#client/src/public/charts/trend-chart.js';

/** Default selection: the current top 5 and bottom 5 of the block. */
export function defaultTrendUnits(r: Ranking): string[] {
  const ranked = r.rows.filter((row) => row.rank !== null);
  const codes = [...ranked.slice(0, 5), ...ranked.slice(-5)].map((row) => row.unit.code);
  return [...new Set(codes)];
}

/** Composites over editions for chosen units, with breaks and lineage marked. */
export class TrendsPage extends LitElement {
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
      if (y === undefined) throw Object.assign(new Error('no family'), { notFound: true });
      return fetchRanking(family, y, block, this.state.lang, signal);
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
    return this.state.units.length ? this.state.units : r ? defaultTrendUnits(r) : [];
  }

  private _emit(patch: Partial<ViewState>): void {
    this.dispatchEvent(new CustomEvent('state-change', { detail: { patch }, bubbles: true, composed: true }));
  }

  private _toggle(code: string, on: boolean): void {
    const now = this._codes();
    this._emit({ units: on ? [...now, code] : now.filter((c) => c !== code) });
  }

  private _chart(profiles: UnitProfile[]) {
    const lang = this.state.lang;
    const fam = this._families.value?.find((f) => f.code === this.state.family);
    const years = fam?.editions.map((e) => e.year) ?? [];
    const lineage = profiles.flatMap((p) => p.lineage);
    const series = unitsSeries(profiles, lang);
    return html`<ci-trend-chart
        .series=${series}
        .years=${years}
        .marks=${{ breaks: methodologyBreaks(fam), lineage: lineageMarks(lineage, years, lang) }}
        .lang=${lang}
        .label=${msg(str`Composite scores by edition for ${profiles.length} units; the table below lists the values.`, { id: 'public.trends.label' })}
      ></ci-trend-chart>
      <div
        class="scroll"
        tabindex="0"
        role="region"
        aria-label=${msg('Values by edition', { id: 'public.history.label' })}
      >
        <table class="plain">
          <thead>
            <tr>
              <th scope="col">${msg('Unit', { id: 'public.unit' })}</th>
              ${years.map((y) => html`<th scope="col">${y}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${series.map(
              (s) =>
                html`<tr>
                  <th scope="row">${s.label}</th>
                  ${years.map((y) => html`<td>${formatNumber(lang, s.points.find((p) => p.year === y)?.value ?? null)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private _picker(r: Ranking) {
    const lang = this.state.lang;
    const chosen = new Set(this._codes());
    return html`<details class="picker">
      <summary>${msg(str`Choose units (${chosen.size} shown)`, { id: 'public.trends.choose' })}</summary>
      <fieldset>
        <legend class="visually-hidden">${msg('Units', { id: 'public.trends.units' })}</legend>
        ${r.rows.map(
          (row) =>
            html`<label
              ><input
                type="checkbox"
                .checked=${chosen.has(row.unit.code)}
                @change=${(e: Event) => this._toggle(row.unit.code, (e.target as HTMLInputElement).checked)}
              />${row.unit.name[lang]}</label
            >`,
        )}
      </fieldset>
    </details>`;
  }

  override render() {
    const lang = this.state.lang;
    const fams = this._families.value;
    if (fams && !fams.some((f) => f.code === this.state.family))
      return html`<ci-not-found .lang=${lang} what=${this.state.family}></ci-not-found>`;
    const error = (e: unknown) =>
      isNotFound(e)
        ? html`<ci-not-found .lang=${lang} what=${location.pathname}></ci-not-found>`
        : html`<p role="alert">${loadErrorText(e)}</p>`;
    return html`${
        fams
          ? html`<ci-view-controls
              .families=${fams}
              family=${this.state.family}
              .year=${this._ranking.value?.year}
              .block=${this._ranking.value?.block.code}
              .lang=${lang}
              .showYear=${false}
              @pick=${(e: CustomEvent<Partial<ViewState>>) => this._emit({ ...e.detail, units: [] })}
            ></ci-view-controls>`
          : nothing
      }
      <h1>
        ${msg('Trends', { id: 'public.nav.trends' })}${this._ranking.value ? html` · ${this._ranking.value.family.name[lang]} · ${this._ranking.value.block.name[lang]}` : nothing}
      </h1>
      <p class="meta">
        ${msg('Default: the current top 5 and bottom 5. Dashed lines are predecessor units; vertical rules mark methodology changes and reorganisations.', { id: 'public.trends.note' })}
      </p>
      ${this._ranking.render({ complete: (r) => (r ? this._picker(r) : nothing), error })}
      ${this._profiles.render({ pending: () => html`<p aria-busy="true">${msg('Loading…', { id: 'public.loading' })}</p>`, complete: (ps) => this._chart(ps), error })}`;
  }

  static override styles = [
    pageStyles,
    css`
      fieldset {
        border: 1px solid var(--line);
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.15rem 0.75rem;
        font-size: 0.85rem;
      }
      .picker summary {
        cursor: pointer;
        color: var(--accent);
      }
      ci-trend-chart {
        margin: 0.75rem 0;
      }
    `,
  ];
}

customElements.define('ci-trends-page', TrendsPage);

declare global {
  interface HTMLElementTagNameMap {
    'ci-trends-page': TrendsPage;
  }
}
