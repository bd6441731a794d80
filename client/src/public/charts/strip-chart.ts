import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import type { Lang } from '#api/text.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import type { TierBand } from '#client/src/public/tiers.js';
import { renderStrip } from './strip-render.js';
import { stripState, type StripDatum, type StripState } from './strip-state.js';

/**
 * Strip chart of a block's composites with interval whiskers, linked to the ranking table.
 * Keyboard: focus the chart, then ←/→ (Home/End) move through the units, Enter opens a profile.
 * @fires highlight - `{code}` (or null) when the pointer or keyboard moves to a unit.
 * @fires open - `{code}` when a unit is activated.
 */
export class StripChart extends LitElement {
  static override properties = {
    data: { attribute: false },
    bands: { attribute: false },
    highlight: {},
    lang: {},
    label: {},
  };
  declare data: StripDatum[];
  declare bands: TierBand[];
  declare highlight: string | null;
  declare lang: Lang;
  declare label: string;
  /** The width drawn at (0 until known); the observer asks for a redraw only when the host's width differs. */
  private _width = 0;
  private _state: StripState | undefined;
  private readonly _resize = new ResizeObserver(([entry]) => {
    const w = Math.floor(entry?.contentRect.width ?? 0);
    if (w > 0 && w !== this._width) {
      this._width = w;
      this.requestUpdate();
    }
  });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.data = [];
    this.bands = [];
    this.highlight = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._resize.observe(this);
  }

  override disconnectedCallback(): void {
    this._resize.disconnect();
    super.disconnectedCallback();
  }

  private _emit(name: 'highlight' | 'open', code: string | null): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { code }, bubbles: true, composed: true }));
  }

  private _nearest(clientX: number): string | null {
    const svg = this.renderRoot.querySelector('svg');
    const pts = this._state?.points ?? [];
    if (!svg || !pts.length) return null;
    const x = clientX - svg.getBoundingClientRect().left;
    let best = pts[0]!;
    for (const p of pts) if (Math.abs(p.x - x) < Math.abs(best.x - x)) best = p;
    return best.code;
  }

  private _onKey(e: KeyboardEvent): void {
    const pts = this._state?.points ?? [];
    if (!pts.length) return;
    const at = pts.findIndex((p) => p.code === this.highlight);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: pts.length - 1,
    };
    if (e.key === 'Enter' && at >= 0) return this._emit('open', pts[at]!.code);
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = Math.min(Math.max(moves[e.key]!, 0), pts.length - 1);
    this._emit('highlight', pts[at < 0 ? 0 : next]!.code);
  }

  override updated(): void {
    const svg = this.renderRoot.querySelector('svg');
    // The first drawing measures the host itself rather than waiting for the observer's first report, so
    // the chart comes with the page's first paint, not one frame (and one more layout) later.
    if (this._width === 0 && svg) this._width = Math.floor(this.getBoundingClientRect().width);
    if (!svg || this._width === 0) return;
    const height = this._width < 500 ? 160 : 220;
    this._state = stripState(this.data, this.bands, this._width, height);
    renderStrip(svg, this._state, this.highlight, (v) => formatNumber(this.lang, v, 0));
  }

  private _caption() {
    const d = this.data.find((x) => x.code === this.highlight);
    if (!d || d.value === null)
      return msg('Point at or focus a unit to see its score.', { id: 'public.strip.hint' });
    const value = formatNumber(this.lang, d.value);
    if (!d.interval) return `${d.label}: ${value}`;
    const [lo, hi] = d.interval.map((v) => formatNumber(this.lang, v));
    return msg(str`${d.label}: ${value} (interval ${lo}–${hi})`, { id: 'public.strip.caption' });
  }

  override render() {
    return html`<figure>
      <div
        class="plot"
        tabindex="0"
        role="group"
        aria-roledescription=${msg('chart', { id: 'public.strip.role' })}
        aria-label=${this.label}
        @keydown=${this._onKey}
        @pointermove=${(e: PointerEvent) => this._emit('highlight', this._nearest(e.clientX))}
        @pointerleave=${() => this._emit('highlight', null)}
        @click=${(e: MouseEvent) => {
          const code = this._nearest(e.clientX);
          if (code) this._emit('open', code);
        }}
      >
        <svg aria-hidden="true"></svg>
      </div>
      <figcaption aria-live="polite">${this._caption()}</figcaption>
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
    .plot {
      cursor: crosshair;
      border-radius: 4px;
    }
    .plot:focus-visible {
      outline: 3px solid var(--focus, #0b5cab);
      outline-offset: 2px;
    }
    /* The drawing follows the host's width (viewBox), so a wide drawing never holds the host open. */
    svg {
      display: block;
      overflow: visible;
      width: 100%;
      height: auto;
    }
    svg .tick line {
      stroke: #dde3ea;
    }
    svg .tick text {
      font-size: 11px;
      fill: #4a5563;
    }
    svg .whisker {
      stroke: #6b7684;
      stroke-width: 1.5;
    }
    svg .dot {
      stroke: #1b2430;
      stroke-width: 0.6;
    }
    svg .unit.active .whisker {
      stroke: #1b2430;
      stroke-width: 2.5;
    }
    figcaption {
      font-size: 0.85rem;
      color: var(--muted);
      min-height: 1.3em;
    }
  `;
}

customElements.define('ci-strip-chart', StripChart);

declare global {
  interface HTMLElementTagNameMap {
    'ci-strip-chart': StripChart;
  }
}
