import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { FamilySummary, Ranking } from '#server/api-types.js';
import { fetchFamilies, fetchRanking, rankingPath } from '#client/src/shared/api.js';
import { t } from '#client/src/shared/i18n.js';
import { defaultDir } from '#client/src/public/ranking-sort.js';
import type { ViewState } from '#client/src/public/url-state.js';
import './ranking-table.js';

/**
 * The public ranking of one family, edition and block.
 * @fires state-change - `{patch, replace?}` when the reader changes year, block, sort or direction.
 */
export class RankingPage extends LitElement {
  static override properties = { state: { attribute: false } };
  declare state: ViewState;

  private readonly _families = new Task(this, {
    task: (_args, { signal }) => fetchFamilies(this.state.lang, signal),
    // The list is bilingual: fetch it once, not on every language switch.
    args: () => [] as const,
  });

  private readonly _ranking = new Task(this, {
    task: ([family, year, block], { signal }): Promise<Ranking | undefined> =>
      year === undefined
        ? Promise.resolve(undefined)
        : fetchRanking(family, year, block, this.state.lang, signal),
    args: () => [this.state.family, this.state.year, this.state.block] as const,
  });

  private _family(): FamilySummary | undefined {
    return this._families.value?.find((f) => f.code === this.state.family);
  }

  override willUpdate(): void {
    const family = this._family();
    if (family && this.state.year === undefined) {
      const published = family.editions.filter((e) => e.status === 'published');
      const latest = (published.length ? published : family.editions).at(-1);
      if (latest) this._emit({ year: latest.year }, true);
    }
  }

  private _emit(patch: Partial<ViewState>, replace = false): void {
    this.dispatchEvent(
      new CustomEvent('state-change', { detail: { patch, replace }, bubbles: true, composed: true }),
    );
  }

  private _onSort(e: CustomEvent<{ sort: string }>): void {
    const { sort } = e.detail;
    const dir = sort === this.state.sort ? (this.state.dir === 'asc' ? 'desc' : 'asc') : defaultDir(sort);
    this._emit({ sort, dir });
  }

  private _controls(families: FamilySummary[]) {
    const { lang } = this.state;
    const family = this._family();
    return html`<form class="controls" @submit=${(e: Event) => e.preventDefault()}>
      <label
        >${t(lang, 'index')}
        <select
          name="family"
          @change=${(e: Event) => this._emit({ family: (e.target as HTMLSelectElement).value, year: undefined, block: undefined })}
        >
          ${families.map((f) => html`<option value=${f.code} ?selected=${f.code === this.state.family}>${f.name[lang]}</option>`)}
        </select>
      </label>
      <label
        >${t(lang, 'year')}
        <select
          name="year"
          @change=${(e: Event) => this._emit({ year: Number((e.target as HTMLSelectElement).value) })}
        >
          ${[...(family?.editions ?? [])]
            .reverse()
            .map(
              (ed) =>
                html`<option value=${ed.year} ?selected=${ed.year === this.state.year}>${ed.year}</option>`,
            )}
        </select>
      </label>
      ${
        family && family.blocks.length > 1
          ? html`<label
              >${t(lang, 'block')}
              <select
                name="block"
                @change=${(e: Event) => this._emit({ block: (e.target as HTMLSelectElement).value })}
              >
                ${family.blocks.map(
                  (b) =>
                    html`<option
                      value=${b.code}
                      ?selected=${b.code === (this.state.block ?? family.blocks[0]?.code)}
                    >
                      ${b.name[lang]}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
      ${
        this.state.year !== undefined
          ? html`<a
              class="download"
              href=${rankingPath(this.state.family, this.state.year, this.state.block, '.csv')}
              download
              >${t(lang, 'downloadCsv')}</a
            >`
          : nothing
      }
    </form>`;
  }

  private _ranking_view(r: Ranking | undefined) {
    const { lang } = this.state;
    if (!r) return html`<p class="status">${t(lang, 'noData')}</p>`;
    const family = this._family();
    return html`
      ${r.family.isDemo ? html`<p class="demo" role="note">${t(lang, 'demo')}</p>` : nothing}
      <h1>${r.family.name[lang]} ${r.year} · ${r.block.name[lang]}</h1>
      <p class="meta">${r.rows.length} ${t(lang, 'units')}. ${t(lang, 'scoreNote')}</p>
      <ci-ranking-table
        .ranking=${r}
        .lang=${lang}
        .sort=${this.state.sort}
        .dir=${this.state.dir}
        @sort=${this._onSort}
      ></ci-ranking-table>
      ${family?.source ? html`<p class="source">${t(lang, 'source')}: ${family.source[lang]}</p>` : nothing}
    `;
  }

  override render() {
    const { lang } = this.state;
    const error = (e: unknown) =>
      html`<p class="status error" role="alert">
        ${t(lang, 'loadError')}: ${(e as Error).message}
        <button type="button" @click=${() => (this._families.run(), this._ranking.run())}>
          ${t(lang, 'retry')}
        </button>
      </p>`;
    return html`
      ${this._families.render({
        pending: () => html`<p class="status">${t(lang, 'loading')}</p>`,
        complete: (families) => this._controls(families),
        error,
      })}
      ${this._ranking.render({
        pending: () => html`<p class="status" aria-busy="true">${t(lang, 'loading')}</p>`,
        complete: (r) => this._ranking_view(r),
        error,
      })}
    `;
  }

  static override styles = css`
    :host {
      display: block;
    }
    h1 {
      font-size: clamp(1.2rem, 2.5vw, 1.6rem);
      margin: 1rem 0 0.25rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.25rem;
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
      border: 1px solid var(--line);
      border-radius: 4px;
      background: var(--card);
      color: var(--ink);
      max-width: 80vw;
    }
    .download {
      color: var(--accent);
      font-size: 0.9rem;
      padding: 0.4rem 0;
    }
    .meta,
    .source {
      color: var(--muted);
      font-size: 0.85rem;
      margin: 0.25rem 0 0.75rem;
    }
    .demo {
      background: #fff4d6;
      border: 1px solid #e0b400;
      padding: 0.5rem 0.75rem;
      border-radius: 4px;
      font-weight: 600;
    }
    .status.error {
      color: #a40e26;
    }
  `;
}

customElements.define('ci-ranking-page', RankingPage);

declare global {
  interface HTMLElementTagNameMap {
    'ci-ranking-page': RankingPage;
  }
}
