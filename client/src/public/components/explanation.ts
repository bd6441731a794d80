import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { ProfileEntry } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { formatInteger, formatNumber, formatPercent } from '#client/src/shared/i18n.js';
import { explainChain, type ChainComponent, type ChainIndicator } from '#client/src/public/explain-chain.js';
import { reasonText } from '#client/src/public/reasons.js';
import { pageStyles } from './page-styles.js';
import { periodLabel } from '#api/periods.js';

/** Below this many points a published composite counts as equal to the weighted sum (rounding). */
const TOLERANCE = 0.01;

/**
 * The explanation chain of a unit's composite in one release: each sub-index's score, weight and
 * points, and under each the indicators' raw values, respondents, normalised scores and points
 * (pure rules in explain-chain.ts). Releases without indicator values say so plainly.
 */
export class Explanation extends LitElement {
  static override properties = { entry: { attribute: false }, lang: {} };
  declare entry: ProfileEntry;
  declare lang: Lang;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  // A printed profile shows every indicator table; the reader's choice comes back afterwards.
  private _opened: HTMLDetailsElement[] = [];
  private readonly _beforePrint = () => {
    this._opened = [...(this.renderRoot as ShadowRoot).querySelectorAll('details')].filter((d) => !d.open);
    for (const d of this._opened) d.open = true;
  };
  private readonly _afterPrint = () => {
    for (const d of this._opened) d.open = false;
    this._opened = [];
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeprint', this._beforePrint);
    addEventListener('afterprint', this._afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this._beforePrint);
    removeEventListener('afterprint', this._afterPrint);
  }

  private _raw(i: ChainIndicator) {
    const { raw } = i.cell;
    if (raw === null) return '—';
    if (i.statistic === 'share') return formatPercent(this.lang, raw);
    const what =
      i.statistic === 'median'
        ? msg('median', { id: 'public.explain.median' })
        : i.statistic === 'mean'
          ? msg('mean', { id: 'public.explain.mean' })
          : '';
    return `${formatNumber(this.lang, raw, 1)}${what ? ` (${what})` : ''}`;
  }

  private _indicatorRow(i: ChainIndicator) {
    const lang = this.lang;
    const lower = msg('lower is better', { id: 'public.explain.lower' });
    return html`<tr data-indicator=${i.code}>
      <th scope="row">
        ${i.name[lang]}${i.direction === -1 ? html` <span title=${lower}>↓<span class="visually-hidden">${lower}</span></span>` : nothing}
      </th>
      <td>${this._raw(i)}</td>
      <td>${i.cell.n === null ? '—' : formatInteger(lang, i.cell.n)}</td>
      <td class="score">
        ${i.cell.score === null ? html`<span class="reason">${reasonText(i.cell.reason)}</span>` : formatNumber(lang, i.cell.score)}
      </td>
      <td>${i.cell.rank ?? '—'}</td>
      <td>${formatPercent(lang, i.weightUsed)}</td>
      <td class="points">${formatNumber(lang, i.compositePoints)}</td>
    </tr>`;
  }

  private _indicators(c: ChainComponent) {
    const lang = this.lang;
    return html`<details data-component=${c.code}>
      <summary>
        ${msg(str`${c.name[lang]}: ${formatNumber(lang, c.value)} → ${formatNumber(lang, c.points)} points`, { id: 'public.explain.summary' })}
      </summary>
      <div
        class="scroll"
        tabindex="0"
        role="region"
        aria-label=${msg(str`Indicators of ${c.name[lang]}`, { id: 'public.explain.indicators-of' })}
      >
        <table class="plain indicators">
          <thead>
            <tr>
              <th scope="col">${msg('Indicator', { id: 'public.explain.indicator' })}</th>
              <th scope="col">${msg('Raw value', { id: 'public.explain.raw' })}</th>
              <th scope="col">${msg('Raters (n)', { id: 'public.table.n' })}</th>
              <th scope="col">${msg('Score (1–10)', { id: 'public.explain.score' })}</th>
              <th scope="col">${msg('Rank', { id: 'public.rank' })}</th>
              <th scope="col">${msg('Weight in sub-index', { id: 'public.explain.weight-in' })}</th>
              <th scope="col">${msg('Points', { id: 'public.explain.points' })}</th>
            </tr>
          </thead>
          <tbody>
            ${c.indicators.map((i) => this._indicatorRow(i))}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  private _components(cs: ChainComponent[], total: number | null) {
    const lang = this.lang;
    return html`<div
      class="scroll"
      tabindex="0"
      role="region"
      aria-label=${msg('Sub-indices and their points', { id: 'public.explain.table' })}
    >
      <table class="plain chain">
        <thead>
          <tr>
            <th scope="col">${msg('Sub-index', { id: 'public.bars.component' })}</th>
            <th scope="col">${msg('Score', { id: 'public.map.by-score' })}</th>
            <th scope="col">${msg('Rank', { id: 'public.rank' })}</th>
            <th scope="col">${msg('Weight', { id: 'public.explain.weight' })}</th>
            <th scope="col">${msg('Points', { id: 'public.explain.points' })}</th>
          </tr>
        </thead>
        <tbody>
          ${cs.map(
            (c) =>
              html`<tr data-component=${c.code}>
                <th scope="row">${c.name[lang]}</th>
                <td>
                  ${c.value === null ? html`<span class="reason">${reasonText(c.reason)}</span>` : formatNumber(lang, c.value)}
                </td>
                <td>${c.rank ?? '—'}</td>
                <td>${formatPercent(lang, c.weightUsed)}</td>
                <td class="points">${formatNumber(lang, c.points)}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${msg('Sum', { id: 'public.explain.sum' })}</th>
            <td colspan="3"></td>
            <td class="points total">${formatNumber(lang, total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  override render() {
    const lang = this.lang;
    const e = this.entry;
    const chain = explainChain(e);
    const gap = chain.gap !== null && Math.abs(chain.gap) >= TOLERANCE ? chain.gap : null;
    return html`<h2>${msg('How the composite is built', { id: 'public.explain.title' })}</h2>
      <p class="lead">
        ${msg(str`${periodLabel(e.release.edition, lang)}: the composite ${formatNumber(lang, chain.composite)} is the sum of the points each sub-index adds (score × weight × 10).`, { id: 'public.explain.lead' })}
        ${chain.hasIndicators ? msg('Open a sub-index for its indicators: the survey value, the firms behind it and the 1–10 score it was given.', { id: 'public.explain.open' }) : nothing}
      </p>
      ${this._components(chain.components, chain.total)}
      ${gap === null ? nothing : html`<p class="note" role="note">${msg(str`The published composite differs from this weighted sum by ${formatNumber(lang, gap)} points (rounding in the published source, or an aggregation that is not a weighted mean).`, { id: 'public.explain.gap' })}</p>`}
      ${
        chain.hasIndicators
          ? chain.components.filter((c) => c.indicators.length).map((c) => this._indicators(c))
          : html`<p class="note" role="note">
              ${msg('This release has no indicator values (imported published scores), so the chain stops at the sub-indices.', { id: 'public.explain.none' })}
            </p>`
      }`;
  }

  static override styles = [
    pageStyles,
    css`
      .lead {
        max-width: 48rem;
        font-size: 0.9rem;
      }
      .note {
        max-width: 48rem;
        font-size: 0.85rem;
        border-left: 3px solid var(--accent);
        padding-left: 0.6rem;
      }
      details {
        margin: 0.3rem 0;
      }
      summary {
        cursor: pointer;
        padding: 0.25rem 0;
      }
      summary:focus-visible {
        outline: 3px solid var(--accent);
      }
      .reason {
        font-size: 0.78rem;
        color: var(--muted);
      }
      .points {
        font-weight: 600;
      }
      .indicators tbody th {
        font-weight: 400;
        white-space: normal;
        min-width: 12rem;
      }
      @media (max-width: 720px) {
        .indicators tbody th {
          min-width: 8.5rem;
        }
      }
      tfoot th,
      tfoot td {
        border-top: 2px solid var(--line);
      }
    `,
  ];
}

customElements.define('ci-explanation', Explanation);

declare global {
  interface HTMLElementTagNameMap {
    'ci-explanation': Explanation;
  }
}
