import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { FamilySummary } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { isPeriod, periodLabel } from '#api/periods.js';

/**
 * Family, edition and block selectors, shared by the ranking, compare and trends pages.
 * @fires pick - `{family}`, `{year}` or `{block}` when the reader picks one.
 */
export class ViewControls extends LitElement {
  static override properties = {
    families: { attribute: false },
    family: {},
    year: { type: Number },
    block: {},
    lang: {},
    showYear: { type: Boolean },
  };
  declare families: FamilySummary[];
  declare family: string;
  declare year: number | undefined;
  declare block: string | undefined;
  declare lang: Lang;
  declare showYear: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.families = [];
    this.showYear = true;
  }

  private _pick(detail: Record<string, string | number>): void {
    this.dispatchEvent(new CustomEvent('pick', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.lang;
    const family = this.families.find((f) => f.code === this.family);
    const edition = family?.editions.find((e) => e.year === this.year);
    const blocks = family?.blocks.filter((b) => !edition || edition.blocks?.includes(b.code) !== false) ?? [];
    const value = (e: Event) => (e.target as HTMLSelectElement).value;
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
      <label
        >${msg('Index', { id: 'public.controls.index' })}
        <select name="family" @change=${(e: Event) => this._pick({ family: value(e) })}>
          ${this.families.map((f) => html`<option value=${f.code} ?selected=${f.code === this.family}>${f.name[lang]}</option>`)}
        </select>
      </label>
      ${
        this.showYear
          ? html`<label
              >${
                family?.editions.some((ed) => isPeriod(ed.year))
                  ? msg('Period', { id: 'public.controls.period' })
                  : msg('Year', { id: 'public.controls.year' })
              }
              <select name="year" @change=${(e: Event) => this._pick({ year: Number(value(e)) })}>
                ${[...(family?.editions ?? [])]
                  .reverse()
                  .map(
                    (ed) =>
                      html`<option value=${ed.year} ?selected=${ed.year === this.year}>
                        ${periodLabel(ed.year, lang)}
                      </option>`,
                  )}
              </select>
            </label>`
          : nothing
      }
      ${
        blocks.length > 1
          ? html`<label
              >${msg('Block', { id: 'public.controls.block' })}
              <select name="block" @change=${(e: Event) => this._pick({ block: value(e) })}>
                ${blocks.map(
                  (b) =>
                    html`<option value=${b.code} ?selected=${b.code === (this.block ?? blocks[0]?.code)}>
                      ${b.name[lang]}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
    </form>`;
  }

  static override styles = css`
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: end;
    }
    label {
      display: flex;
      flex-direction: column;
      font-size: 0.8rem;
      color: var(--muted);
      gap: 0.2rem;
    }
    select {
      font: inherit;
      font-size: 0.95rem;
      padding: 0.35rem 0.5rem;
      border: 1px solid #8a94a3;
      border-radius: 4px;
      background: var(--card);
      color: var(--ink);
      max-width: 80vw;
    }
    select:focus-visible {
      outline: 3px solid var(--accent);
    }
  `;
}

customElements.define('ci-view-controls', ViewControls);

declare global {
  interface HTMLElementTagNameMap {
    'ci-view-controls': ViewControls;
  }
}
