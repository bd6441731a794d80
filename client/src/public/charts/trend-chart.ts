import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import type { Lang } from '#api/text.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import { renderTrend } from './trend-render.js';
import { trendLayout, SERIES_COLOURS, type TrendSeries } from './trend-state.js';

export interface TrendMarks {
  breaks: Array<{ year: number; label: string }>;
  lineage: Array<{ year: number; label: string }>;
}

/**
 * Lines over editions with methodology breaks and lineage events marked; dashed segments are values
 * of predecessor units. Its text alternative is the table the page shows beside it.
 */
export class TrendChart extends LitElement {
  static override properties = {
    series: { attribute: false },
    years: { attribute: false },
    marks: { attribute: false },
    lang: {},
    label: {},
    _width: { state: true },
  };
  declare series: TrendSeries[];
  declare years: number[];
  declare marks: TrendMarks;
  declare lang: Lang;
  declare label: string;
  declare _width: number;
  private readonly _resize = new ResizeObserver(([e]) => {
    const w = Math.floor(e?.contentRect.width ?? 0);
    if (w > 0 && w !== this._width) this._width = w;
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.series = [];
    this.years = [];
    this.marks = { breaks: [], lineage: [] };
    this._width = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._resize.observe(this);
  }

  override disconnectedCallback(): void {
    this._resize.disconnect();
    super.disconnectedCallback();
  }

  override updated(): void {
    const svg = this.renderRoot.querySelector('svg');
    if (!svg || !this._width) return;
    const layout = trendLayout(
      this.series,
      this.years,
      this._width,
      this._width < 500 ? 200 : 260,
      this.marks,
    );
    renderTrend(svg, layout, (v) => formatNumber(this.lang, v, 0));
  }

  override render() {
    return html`<figure role="img" aria-label=${this.label}>
      <svg aria-hidden="true"></svg>
      <figcaption>
        <ul class="keys">
          ${this.series.map((s, i) => html`<li><span class="swatch" style="background:${SERIES_COLOURS[i % SERIES_COLOURS.length]}"></span>${s.label}</li>`)}
          ${
            this.series.some((s) => s.points.some((p) => p.predecessor))
              ? html`<li>
                  <span class="dash"></span
                  >${msg('predecessor unit (lineage)', { id: 'public.trend.bridged' })}
                </li>`
              : ''
          }
          ${this.marks.breaks.length ? html`<li><span class="rule"></span>${msg('methodology change', { id: 'public.trend.break' })}</li>` : ''}
        </ul>
      </figcaption>
    </figure>`;
  }

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    figure {
      margin: 0;
    }
    /* The drawing follows the host's width (viewBox), so a wide drawing never holds the host open. */
    svg {
      display: block;
      overflow: visible;
      width: 100%;
      height: auto;
    }
    svg .grid line {
      stroke: #dde3ea;
    }
    svg text {
      font-size: 11px;
      fill: #4a5563;
    }
    svg .break line {
      stroke: #7a4d00;
      stroke-dasharray: 2 3;
    }
    svg .lineage line {
      stroke: #5b2a86;
      stroke-dasharray: 6 3;
    }
    svg .break text {
      fill: #7a4d00;
    }
    svg .lineage text {
      fill: #5b2a86;
    }
    svg .line {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    svg .line.bridged {
      stroke-dasharray: 5 4;
    }
    svg .whisker {
      stroke: currentColor;
      stroke-opacity: 0.5;
    }
    svg .dot {
      fill: currentColor;
      stroke: white;
    }
    svg .dot.pre {
      fill: white;
      stroke: currentColor;
      stroke-width: 1.5;
    }
    .keys {
      list-style: none;
      padding: 0;
      margin: 0.25rem 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 1rem;
      font-size: 0.8rem;
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.25rem;
      margin-right: 0.3rem;
      vertical-align: middle;
    }
    .dash {
      display: inline-block;
      width: 1rem;
      border-top: 2px dashed #1b2430;
      margin-right: 0.3rem;
      vertical-align: middle;
    }
    .rule {
      display: inline-block;
      height: 0.9rem;
      border-left: 2px dotted #7a4d00;
      margin-right: 0.3rem;
      vertical-align: middle;
    }
  `;
}

customElements.define('ci-trend-chart', TrendChart);

declare global {
  interface HTMLElementTagNameMap {
    'ci-trend-chart': TrendChart;
  }
}
