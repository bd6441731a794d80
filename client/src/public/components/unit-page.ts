import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { ProfileEntry, Ranking, UnitProfile } from '#api/releases.js';
import { fetchProfile, fetchRanking } from '#client/src/shared/api.js';
import { formatDate, formatInteger, formatNumber, formatSigned } from '#client/src/shared/i18n.js';
import { families } from '#client/src/public/families.js';
import { isNotFound, loadErrorText } from '#client/src/public/load-error.js';
import { lineageMarks, methodologyBreaks, profileSeries } from '#client/src/public/profile-series.js';
import type { ViewState } from '#client/src/public/url-state.js';
import { pageStyles } from './page-styles.js';
import './not-found.js';
import './sub-index-bars.js';
import './profile-history.js';
import './explanation.js';
import '#client/src/public/charts/trend-chart.js';
import { periodLabel } from '#api/periods.js';

/**
 * A unit's profile: headline, sub-index bars against the block median, strengths and weaknesses,
 * the explanation chain of the composite, trends across editions with lineage bridged, respondents
 * per edition and the lineage events.
 */
export class UnitPage extends LitElement {
  static override properties = { state: { attribute: false }, _metric: { state: true } };
  declare state: ViewState;
  declare _metric: string | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._metric = null;
  }

  private readonly _families = new Task(this, {
    task: () => families(this.state.lang),
    args: () => [] as const,
  });

  private readonly _profile = new Task(this, {
    task: ([family, unit], { signal }) => fetchProfile(family, unit ?? '', this.state.lang, signal),
    args: () => [this.state.family, this.state.unit] as const,
  });

  /** The block's ranking in the unit's latest edition: medians and standings come from it. */
  private readonly _block = new Task(this, {
    task: async ([p], { signal }): Promise<Ranking | undefined> => {
      const last = p ? latestSelf(p) : undefined;
      if (!p || !last) return undefined;
      return fetchRanking(p.family.code, last.release.edition, last.block.code, this.state.lang, signal);
    },
    args: () => [this._profile.value] as const,
  });

  private _headline(p: UnitProfile, e: ProfileEntry) {
    const lang = this.state.lang;
    const c = e.composite;
    const rank =
      c.rank === null
        ? msg('not ranked', { id: 'public.profile.unranked' })
        : msg(str`${c.rank} of ${e.rankedUnits}`, { id: 'public.profile.rank-of' });
    return html`<dl class="headline">
        <div>
          <dt>
            ${msg(str`Composite ${periodLabel(e.release.edition, this.state.lang)}`, { id: 'public.profile.composite' })}
          </dt>
          <dd class="big">${formatNumber(lang, c.value)}</dd>
          ${c.interval ? html`<dd class="small">${msg('interval', { id: 'public.table.interval' })} ${formatNumber(lang, c.interval[0], 1)}–${formatNumber(lang, c.interval[1], 1)}</dd>` : nothing}
        </div>
        <div>
          <dt>${msg('Rank', { id: 'public.rank' })}</dt>
          <dd class="big">${rank}</dd>
          ${c.rankRange ? html`<dd class="small">${msg(str`plausible ${c.rankRange[0]}–${c.rankRange[1]}`, { id: 'public.profile.rank-range' })}</dd>` : nothing}
        </div>
        <div>
          <dt>${msg('Tier', { id: 'public.tier' })}</dt>
          <dd class="big tier">${e.tier?.name[lang] ?? '—'}</dd>
        </div>
        <div>
          <dt>${msg('Raters (n)', { id: 'public.table.n' })}</dt>
          <dd class="big">${e.n === null ? '—' : formatInteger(lang, e.n)}</dd>
        </div>
        ${
          e.change
            ? html`<div>
                <dt>${msg('Change', { id: 'public.table.change' })}</dt>
                <dd class="big">${e.change.rank === null ? '—' : formatSigned(lang, e.change.rank, 0)}</dd>
                <dd class="small">
                  ${formatSigned(lang, e.change.score)} ${msg('points', { id: 'public.profile.points' })}
                </dd>
              </div>`
            : nothing
        }
      </dl>
      ${p.unit.validFrom ? html`<p class="meta">${msg(str`Unit since ${formatDate(lang, p.unit.validFrom)}.`, { id: 'public.profile.since' })}</p>` : nothing}`;
  }

  private _lineage(p: UnitProfile) {
    const lang = this.state.lang;
    if (!p.lineage.length) return nothing;
    const event = (e: string) =>
      e === 'merge'
        ? msg('merged into', { id: 'public.lineage.merge' })
        : e === 'split'
          ? msg('split into', { id: 'public.lineage.split' })
          : e === 'rename'
            ? msg('renamed', { id: 'public.lineage.rename' })
            : msg('abolished', { id: 'public.lineage.abolish' });
    return html`<h2>${msg('Lineage', { id: 'public.profile.lineage' })}</h2>
      <ul class="lineage">
        ${p.lineage.map(
          (s) =>
            html`<li>
              ${formatDate(lang, s.date)}: <strong>${s.from.name[lang]}</strong> ${event(s.event)}
              ${s.to ? html`<a href=${`/units/${p.family.code}/${s.to.code}${lang === 'en' ? '?lang=en' : ''}`}>${s.to.name[lang]}</a>` : nothing}${s.note ? html` — ${s.note[lang]}` : nothing}
            </li>`,
        )}
      </ul>`;
  }

  private _trend(p: UnitProfile, last: ProfileEntry) {
    const lang = this.state.lang;
    const fam = this._families.value?.find((f) => f.code === p.family.code);
    const years = fam?.editions.map((e) => e.year) ?? [...new Set(p.series.map((e) => e.release.edition))];
    const marks = { breaks: methodologyBreaks(fam), lineage: lineageMarks(p.lineage, years, lang) };
    const series = profileSeries(p.series, this._metric, lang);
    const metricName = this._metric
      ? (last.components.find((c) => c.code === this._metric)?.name[lang] ?? this._metric)
      : msg('Composite', { id: 'public.profile.composite-name' });
    return html`<h2>${msg('Trend across editions', { id: 'public.profile.trend' })}</h2>
      <label class="metric"
        >${msg('Show', { id: 'public.profile.show' })}
        <select @change=${(e: Event) => (this._metric = (e.target as HTMLSelectElement).value || null)}>
          <option value="">${msg('Composite', { id: 'public.profile.composite-name' })}</option>
          ${last.components.map((c) => html`<option value=${c.code} ?selected=${c.code === this._metric}>${c.name[lang]}</option>`)}
        </select></label
      >
      <ci-trend-chart
        .series=${series}
        .years=${years}
        .marks=${marks}
        .lang=${lang}
        .label=${msg(str`${metricName} of ${p.unit.name[lang]} by edition; the table below lists the values.`, { id: 'public.profile.trend-label' })}
      ></ci-trend-chart>
      <ci-profile-history .profile=${p} .lang=${lang}></ci-profile-history>`;
  }

  private _view(p: UnitProfile) {
    const lang = this.state.lang;
    const last = latestSelf(p);
    const back = `/rankings/${p.family.code}${last ? `/${last.release.edition}?block=${last.block.code}` : ''}${lang === 'en' ? `${last ? '&' : '?'}lang=en` : ''}`;
    return html`
      <p class="crumbs"><a href=${back}>← ${msg('Back to the ranking', { id: 'public.profile.back' })}</a></p>
      ${p.family.isDemo ? html`<p class="demo" role="note">${msg('DEMO DATA: this province and its results are fictional, for testing only.', { id: 'public.demo' })}</p>` : nothing}
      <h1>${p.unit.name[lang]}</h1>
      <p class="meta">${p.family.name[lang]} · ${p.unit.block.name[lang]}</p>
      ${last ? this._headline(p, last) : nothing}
      ${
        last
          ? html`<ci-sub-index-bars
              .entry=${last}
              .ranking=${this._block.value}
              .lang=${lang}
            ></ci-sub-index-bars>`
          : html`<p>${msg('This unit has no score in any release.', { id: 'public.profile.none' })}</p>`
      }
      ${last ? html`<ci-explanation .entry=${last} .lang=${lang}></ci-explanation>` : nothing}
      ${last ? this._trend(p, last) : nothing} ${this._lineage(p)}
      <p class="noprint">
        <button type="button" @click=${() => print()}>
          ${msg('Print this profile', { id: 'public.profile.print' })}
        </button>
      </p>
    `;
  }

  override render() {
    const lang = this.state.lang;
    return this._profile.render({
      pending: () => html`<p aria-busy="true">${msg('Loading…', { id: 'public.loading' })}</p>`,
      complete: (p) => this._view(p),
      error: (e) =>
        isNotFound(e)
          ? html`<ci-not-found
              .lang=${lang}
              what=${`${this.state.family}/${this.state.unit}`}
            ></ci-not-found>`
          : html`<p class="status error" role="alert">
              ${loadErrorText(e)}
              <button type="button" @click=${() => this._profile.run()}>
                ${msg('Try again', { id: 'public.retry' })}
              </button>
            </p>`,
    });
  }

  static override styles = [
    pageStyles,
    css`
      .headline {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 2rem;
        margin: 0.5rem 0;
      }
      dt {
        font-size: 0.8rem;
        color: var(--muted);
      }
      dd {
        margin: 0;
      }
      .big {
        font-size: 1.4rem;
        font-weight: 700;
      }
      .small {
        font-size: 0.8rem;
        color: var(--muted);
      }
      .metric {
        display: inline-flex;
        gap: 0.4rem;
        align-items: center;
        font-size: 0.85rem;
      }
      select {
        font: inherit;
        padding: 0.25rem;
        max-width: min(28rem, 70vw);
      }
      .lineage {
        font-size: 0.9rem;
      }
      @media print {
        .noprint,
        .crumbs,
        .metric {
          display: none;
        }
      }
    `,
  ];
}

/** The unit's own entry in its most recent release. */
export function latestSelf(p: UnitProfile): ProfileEntry | undefined {
  return [...p.series].reverse().find((e) => e.relation === 'self');
}

customElements.define('ci-unit-page', UnitPage);

declare global {
  interface HTMLElementTagNameMap {
    'ci-unit-page': UnitPage;
  }
}
