import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { currentLang } from '#client/src/shared/localize.js';
import { intervalChartState } from './chart-state.js';
import { renderIntervals } from './chart-render.js';
import type { RobustRow } from './rows.js';

/** Per unit, the nominal rank (dot) and the Monte Carlo 5–95 % rank interval (bar). */
export class WsRankIntervals extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    svg {
      display: block;
      font-size: 11px;
      fill: #1b2430;
    }
    .grid line {
      stroke: #dde3ea;
    }
    p.axis {
      color: #5b6675;
      font-size: 0.8rem;
      margin: 0.2rem 0 0.5rem;
    }
    line.interval {
      stroke: #6d9ed8;
      stroke-linecap: round;
    }
    circle {
      fill: #0b3d91;
    }
  `;
  static override properties = { rows: { attribute: false }, _width: { state: true } };
  declare rows: RobustRow[];
  declare _width: number;
  private readonly _resize = new ResizeObserver(([entry]) => {
    const w = Math.floor(entry?.contentRect.width ?? 0);
    if (w > 0 && w !== this._width) this._width = w;
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.rows = [];
    this._width = 640;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._resize.observe(this);
  }

  override disconnectedCallback(): void {
    this._resize.disconnect();
    super.disconnectedCallback();
  }

  override render() {
    const lang = currentLang();
    const s = intervalChartState(this.rows, this._width, (r) => r.name?.[lang] ?? r.code);
    const label = msg('Rank (1 = best); dot: as set, bar: 5–95 % of the runs', { id: 'ws.sens.axis' });
    return html`<svg
        role="img"
        aria-label=${label}
        viewBox="0 0 ${s.width} ${s.height}"
        width=${s.width}
        height=${s.height}
      >
        ${renderIntervals(s)}
      </svg>
      <p class="axis">${label}</p>`;
  }
}
customElements.define('ws-rank-intervals', WsRankIntervals);
