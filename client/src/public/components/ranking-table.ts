import { LitElement, css, html, nothing } from 'lit';
import type { Ranking } from '#server/api-types.js';
import { formatNumber, formatPercent, reasonText, t, type Lang } from '#client/src/shared/i18n.js';
import { sortRows } from '#client/src/public/ranking-sort.js';

/**
 * A sortable ranking table: rank, unit, composite, tier and one column per sub-index.
 * @fires sort - `{sort}` when a column header is activated.
 */
export class RankingTable extends LitElement {
  static override properties = {
    ranking: { attribute: false },
    lang: {},
    sort: {},
    dir: {},
  };
  declare ranking: Ranking;
  declare lang: Lang;
  declare sort: string;
  declare dir: 'asc' | 'desc';

  private _header(key: string, label: string, title?: string) {
    const active = this.sort === key;
    const aria = active ? (this.dir === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th
      scope="col"
      aria-sort=${aria}
      class=${key === 'unit' ? 'unit' : key === 'rank' ? 'rank' : 'num'}
    >
      <button
        type="button"
        title=${title ?? label}
        @click=${() => this.dispatchEvent(new CustomEvent('sort', { detail: { sort: key } }))}
      >
        ${label}<span class="arrow" aria-hidden="true"
          >${active ? (this.dir === 'asc' ? '▲' : '▼') : ''}</span
        >
      </button>
    </th>`;
  }

  override render() {
    const r = this.ranking;
    const lang = this.lang;
    const rows = sortRows(r.rows, this.sort, this.dir, lang);
    return html`<div
      class="scroll"
      tabindex="0"
      role="region"
      aria-label=${`${t(lang, 'rankingTitle')} ${r.year}`}
    >
      <table>
        <thead>
          <tr>
            ${this._header('rank', t(lang, 'rank'))} ${this._header('unit', t(lang, 'unit'))}
            ${this._header('composite', r.composite.name[lang])}
            <th scope="col" class="tier">${t(lang, 'tier')}</th>
            ${r.components.map((c) =>
              this._header(
                c.code,
                c.name[lang],
                `${c.name[lang]} · ${t(lang, 'weight')} ${c.weight === null ? '' : formatPercent(lang, c.weight)}`,
              ),
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr data-unit=${row.unit.code}>
                <td class="rank">${row.rank ?? '—'}</td>
                <th scope="row" class="unit">${row.unit.name[lang]}</th>
                <td class="num composite">
                  ${
                    row.composite === null
                      ? html`<abbr class="reason" title=${reasonText(lang, row.reason)}>—</abbr
                          ><span class="visually-hidden">${reasonText(lang, row.reason)}</span>`
                      : formatNumber(lang, row.composite)
                  }
                </td>
                <td class="tier">
                  ${row.tier ? html`<span class="badge" style="--c: var(--tier-${row.tier.code})">${row.tier.name[lang]}</span>` : nothing}
                </td>
                ${r.components.map((c) => html`<td class="num" data-component=${c.code}>${formatNumber(lang, row.scores[c.code])}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  static override styles = css`
    .scroll {
      overflow-x: auto;
      background: var(--card);
      border: 1px solid var(--line);
      border-radius: 6px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.4rem 0.6rem;
      border-bottom: 1px solid var(--line);
      white-space: nowrap;
    }
    thead th {
      position: sticky;
      top: 0;
      background: #eef2f6;
      vertical-align: bottom;
      font-weight: 600;
      font-size: 0.78rem;
    }
    thead th.num {
      white-space: normal;
      min-width: 6.5rem;
      max-width: 9rem;
    }
    thead button {
      all: unset;
      cursor: pointer;
      display: inline-flex;
      gap: 0.25rem;
      align-items: end;
    }
    thead button:focus-visible {
      outline: 2px solid var(--accent);
    }
    .arrow {
      font-size: 0.7rem;
      color: var(--accent);
      min-width: 0.7rem;
    }
    .num {
      text-align: right;
    }
    .rank {
      text-align: right;
      width: 3rem;
    }
    th.unit {
      text-align: left;
      font-weight: 500;
      position: sticky;
      left: 0;
      background: inherit;
    }
    thead th.unit {
      background: #eef2f6;
      z-index: 1;
    }
    tbody tr {
      background: var(--card);
    }
    tbody tr:hover {
      background: #f0f5fb;
    }
    .composite {
      font-weight: 700;
    }
    .reason {
      text-decoration: underline dotted;
      cursor: help;
      color: var(--muted);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .badge {
      display: inline-block;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      font-size: 0.78rem;
      color: #fff;
      background: var(--c, #888);
    }
  `;
}

customElements.define('ci-ranking-table', RankingTable);

declare global {
  interface HTMLElementTagNameMap {
    'ci-ranking-table': RankingTable;
  }
}
