import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, svg } from 'lit';
import type { Lang } from '#api/text.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import type { TierBand } from '#client/src/public/tiers.js';

/** The tier legend: one swatch, symbol and label per tier, with its score thresholds. */
export class TierLegend extends LitElement {
  static override properties = { bands: { attribute: false }, lang: {} };
  declare bands: TierBand[];
  declare lang: Lang;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.bands = [];
  }

  private _range(b: TierBand): string {
    const f = (v: number) => formatNumber(this.lang, v);
    if (b.lower === null && b.upper === null) return msg('no unit', { id: 'public.legend.empty' });
    if (b.observed) return msg(str`observed ${f(b.lower!)}–${f(b.upper!)}`, { id: 'public.legend.observed' });
    if (b.upper === null) return `≥ ${f(b.lower!)}`;
    if (b.lower === null) return `< ${f(b.upper)}`;
    return `${f(b.lower)} – < ${f(b.upper)}`;
  }

  override render() {
    if (!this.bands.length) return html``;
    return html`<h2>${msg('Tiers', { id: 'public.legend.title' })}</h2>
      <ul>
        ${this.bands.map(
          (b) =>
            html`<li>
              <svg viewBox="-6 -6 12 12" aria-hidden="true">
                ${svg`<path d=${b.symbolPath} fill=${b.colour}></path>`}
              </svg>
              <span class="name">${b.name[this.lang]}</span>
              <span class="range">${this._range(b)}</span>
            </li>`,
        )}
      </ul>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 0.8rem;
      margin: 0 0 0.25rem;
      color: var(--muted);
      font-weight: 600;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      font-size: 0.8rem;
    }
    li {
      display: flex;
      gap: 0.3rem;
      align-items: center;
    }
    svg {
      width: 0.8rem;
      height: 0.8rem;
    }
    path {
      stroke: #1b2430;
      stroke-width: 0.6;
    }
    .name {
      font-weight: 600;
    }
    .range {
      color: var(--muted);
    }
  `;
}

customElements.define('ci-tier-legend', TierLegend);

declare global {
  interface HTMLElementTagNameMap {
    'ci-tier-legend': TierLegend;
  }
}
