import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing, svg } from 'lit';
import type { Lang } from '#api/text.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import { layerFor, mapShapes, NO_DATA, type MapDatum, type MapFeature } from './map-state.js';
import type { ScoreScale } from './score-scale.js';

const cache = new Map<string, Promise<MapFeature[]>>();

function loadLayer(name: string): Promise<MapFeature[]> {
  let p = cache.get(name);
  if (!p) {
    p = fetch(`/geo/${name}.geo.json`).then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return ((await r.json()) as { features: MapFeature[] }).features;
    });
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}

/**
 * A choropleth of provinces coloured by tier or, given a `scale`, by score on a continuous scale
 * with its legend bar; a no-data colour; the list beside it is the
 * keyboard and screen-reader way in (every province, its value, focus highlights it on the map).
 * @fires highlight - `{code}` when a province is pointed at or focused.
 * @fires open - `{code}` when a province is activated.
 */
export class Choropleth extends LitElement {
  static override properties = {
    data: { attribute: false },
    year: { type: Number },
    highlight: {},
    lang: {},
    label: {},
    scale: { attribute: false },
  };
  declare data: MapDatum[];
  declare year: number;
  declare highlight: string | null;
  declare lang: Lang;
  declare label: string;
  /** Set when the fills come from a continuous score scale: draws its legend. */
  declare scale: ScoreScale | null;

  private readonly _layer = new Task(this, {
    task: ([y]) => loadLayer(layerFor(y)),
    args: () => [this.year] as const,
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.data = [];
    this.highlight = null;
    this.scale = null;
  }

  private _emit(name: string, code: string | null): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { code }, bubbles: true, composed: true }));
  }

  private _map(features: MapFeature[]) {
    const shapes = mapShapes(features, this.data, 360, 520);
    return html`<svg viewBox="0 0 360 520" role="img" aria-label=${this.label}>
      ${shapes.map(
        (
          s,
        ) => svg`<path d=${s.d} fill=${s.fill} data-unit=${s.code} class=${s.code === this.highlight ? 'active' : ''}
          @pointerenter=${() => this._emit('highlight', s.code)} @click=${() => this._emit('open', s.code)}><title>${s.label}: ${formatNumber(this.lang, s.value)}</title></path>`,
      )}
    </svg>`;
  }

  /** The continuous scale's legend: a gradient bar with ticks (decorative; the list gives the values). */
  private _legend(s: ScoreScale) {
    const [lo, hi] = s.domain;
    const x = (v: number) => 12 + ((v - lo) / (hi - lo)) * 216;
    return html`<figure class="scale">
      <figcaption>${msg('Composite score (darker is higher)', { id: 'public.map.scale' })}</figcaption>
      <svg viewBox="0 0 240 34" aria-hidden="true">
        <defs>
          ${svg`<linearGradient id="score-ramp">${s.stops.map((st) => svg`<stop offset=${st.offset} stop-color=${st.colour}></stop>`)}</linearGradient>`}
        </defs>
        ${svg`<rect x="12" y="2" width="216" height="12" fill="url(#score-ramp)" stroke="#8a94a3" stroke-width="0.5"></rect>`}
        ${s.ticks.map((t) => svg`<g transform=${`translate(${x(t)},0)`}><line y1="14" y2="18" stroke="#3d4653"></line><text y="29" text-anchor="middle">${formatNumber(this.lang, t, 0)}</text></g>`)}
      </svg>
    </figure>`;
  }

  override render() {
    const sorted = [...this.data].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    return html`<div class="wrap">
      ${this._layer.render({
        pending: () => html`<p aria-busy="true">${msg('Loading…', { id: 'public.loading' })}</p>`,
        complete: (f) => this._map(f),
        error: () =>
          html`<p role="alert">${msg('The map could not be loaded.', { id: 'public.map.error' })}</p>`,
      })}
      <div class="side">
        ${this.scale ? this._legend(this.scale) : nothing}
        <p class="nodata">
          <span class="swatch" style="background:${NO_DATA}"></span
          >${msg('no data', { id: 'public.map.nodata' })}
        </p>
        <ol aria-label=${msg('Provinces on the map', { id: 'public.map.list' })}>
          ${sorted.map(
            (d) =>
              html`<li>
                <button
                  type="button"
                  class=${d.code === this.highlight ? 'active' : ''}
                  @focus=${() => this._emit('highlight', d.code)}
                  @click=${() => this._emit('open', d.code)}
                >
                  <span class="swatch" style="background:${d.colour ?? NO_DATA}"></span>${d.label}
                  <span class="v">${formatNumber(this.lang, d.value)}</span>
                </button>
              </li>`,
          )}
        </ol>
        <p class="attribution">
          ${msg('Boundaries: geoBoundaries (VNM-ADM1), CC BY 4.0; 34-province layer after Resolution 202/2025/QH15.', { id: 'public.map.attribution' })}
        </p>
      </div>
    </div>`;
  }

  static override styles = css`
    .wrap {
      display: grid;
      grid-template-columns: 360px minmax(0, 1fr);
      gap: 1rem;
    }
    @media (max-width: 720px) {
      .wrap {
        grid-template-columns: 1fr;
      }
    }
    svg {
      width: 100%;
      height: auto;
      max-height: 70vh;
    }
    path {
      stroke: white;
      stroke-width: 0.5;
      cursor: pointer;
    }
    path.active {
      stroke: #1b2430;
      stroke-width: 2;
    }
    ol {
      /* No height limit: a multi-column list with one would spill into columns off to the side. */
      columns: 2 12rem;
      font-size: 0.8rem;
      margin: 0;
      padding-left: 1.6rem;
    }
    @media (max-width: 720px) {
      /* One column that scrolls, so the list does not push the table a screen further down. */
      ol {
        columns: auto;
        max-height: 22rem;
        overflow-y: auto;
      }
    }
    button {
      all: unset;
      cursor: pointer;
    }
    button:focus-visible,
    button.active {
      outline: 2px solid var(--accent);
    }
    .swatch {
      display: inline-block;
      width: 0.7rem;
      height: 0.7rem;
      margin-right: 0.3rem;
      border: 1px solid #8a94a3;
      vertical-align: middle;
    }
    .v {
      color: var(--muted);
    }
    .scale {
      margin: 0 0 0.4rem;
      max-width: 18rem;
    }
    .scale figcaption {
      font-size: 0.75rem;
      color: var(--muted);
    }
    .scale text {
      font-size: 10px;
      fill: #3d4653;
    }
    .nodata,
    .attribution {
      font-size: 0.75rem;
      color: var(--muted);
    }
  `;
}

customElements.define('ci-choropleth', Choropleth);

declare global {
  interface HTMLElementTagNameMap {
    'ci-choropleth': Choropleth;
  }
}
