import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { ReleaseComponent } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { formatNumber, formatPercent } from '#client/src/shared/i18n.js';

/**
 * Sliders for the sub-index weights. Results under other weights are unofficial, and the panel says
 * so; the weights live in the URL, so a what-if view can be shared.
 * @fires weights-change - `{weights, commit}`: weights by component code (null = official); commit is
 *   false while a slider is being dragged.
 */
export class WhatIfPanel extends LitElement {
  static override properties = {
    components: { attribute: false },
    weights: { attribute: false },
    lang: {},
    _copied: { state: true },
  };
  declare components: ReleaseComponent[];
  declare weights: Record<string, number> | null;
  declare lang: Lang;
  declare _copied: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.components = [];
    this.weights = null;
    this._copied = false;
  }

  private _value(c: ReleaseComponent): number {
    return this.weights?.[c.code] ?? c.weight ?? 0;
  }

  /** Sliders run from 0 to three times the largest official weight, in 60 steps (weights may be fractions). */
  private _max(): number {
    const top = Math.max(...this.components.map((c) => c.weight ?? 0));
    return top > 0 ? top * 3 : 1;
  }

  private _emit(weights: Record<string, number> | null, commit: boolean): void {
    this.dispatchEvent(
      new CustomEvent('weights-change', { detail: { weights, commit }, bubbles: true, composed: true }),
    );
  }

  private _onInput(c: ReleaseComponent, e: Event, commit: boolean): void {
    const value = Number((e.target as HTMLInputElement).value);
    const next: Record<string, number> = {};
    for (const k of this.components) next[k.code] = k.code === c.code ? value : this._value(k);
    const official = this.components.every((k) => next[k.code] === (k.weight ?? 0));
    this._emit(official ? null : next, commit);
  }

  private async _copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this._copied = true;
    } catch {
      this._copied = false;
    }
  }

  override render() {
    const total = this.components.reduce((s, c) => s + this._value(c), 0) || 1;
    const step = this._max() / 60;
    return html`<div class="panel ${this.weights ? 'on' : ''}">
      <p class="label" role="note">
        <strong>${msg('What-if weights: unofficial', { id: 'public.whatif.title' })}</strong>
        ${msg('Move a slider to see how ranks would change under other weights. The official results are unchanged.', { id: 'public.whatif.note' })}
      </p>
      <div class="sliders">
        ${this.components.map(
          (c) =>
            html`<label>
              <span class="name">${c.name[this.lang]}</span>
              <input
                type="range"
                min="0"
                max=${this._max()}
                step=${step}
                .value=${String(this._value(c))}
                data-component=${c.code}
                aria-valuetext=${`${formatNumber(this.lang, this._value(c), 3)} (${formatPercent(this.lang, this._value(c) / total)})`}
                @input=${(e: Event) => this._onInput(c, e, false)}
                @change=${(e: Event) => this._onInput(c, e, true)}
              />
              <span class="share">${formatPercent(this.lang, this._value(c) / total)}</span>
            </label>`,
        )}
      </div>
      <div class="actions">
        <button type="button" ?disabled=${!this.weights} @click=${() => this._emit(null, true)}>
          ${msg('Reset to the official weights', { id: 'public.whatif.reset' })}
        </button>
        ${
          this.weights
            ? html`<button type="button" @click=${this._copy}>
                  ${msg('Copy link to this view', { id: 'public.whatif.copy' })}
                </button>
                ${this._copied ? html`<span role="status">${msg('Link copied', { id: 'public.whatif.copied' })}</span>` : nothing}`
            : nothing
        }
      </div>
    </div>`;
  }

  static override styles = css`
    .panel {
      border: 1px dashed var(--line);
      border-radius: 6px;
      padding: 0.5rem 0.75rem;
      background: var(--card);
    }
    .panel.on {
      border: 2px dashed #a15c00;
      background: #fff8ec;
    }
    .label {
      margin: 0 0 0.5rem;
      font-size: 0.85rem;
    }
    .sliders {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.25rem 1rem;
    }
    label {
      display: grid;
      grid-template-columns: 1fr 6rem 3rem;
      align-items: center;
      gap: 0.4rem;
      font-size: 0.8rem;
    }
    input {
      width: 100%;
      accent-color: var(--accent);
    }
    input:focus-visible {
      outline: 3px solid var(--accent);
    }
    .share {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .actions {
      margin-top: 0.5rem;
      display: flex;
      gap: 0.5rem;
      align-items: center;
      flex-wrap: wrap;
    }
    button {
      font: inherit;
      font-size: 0.85rem;
      padding: 0.3rem 0.7rem;
      border: 1px solid var(--accent);
      color: var(--accent);
      background: white;
      border-radius: 4px;
      cursor: pointer;
    }
    button:disabled {
      color: var(--muted);
      border-color: var(--line);
      cursor: default;
    }
    button:focus-visible {
      outline: 3px solid var(--accent);
      outline-offset: 1px;
    }
  `;
}

customElements.define('ci-what-if-panel', WhatIfPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ci-what-if-panel': WhatIfPanel;
  }
}
