import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { Ranking, RankingRow } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { publicPath } from '#api/public-paths.js';
import { formatInteger, formatNumber, formatPercent, formatSigned } from '#client/src/shared/i18n.js';
import { reasonText } from '#client/src/public/reasons.js';
import { sortRows } from '#client/src/public/ranking-sort.js';
import type { TierBand } from '#client/src/public/tiers.js';
import type { WhatIfResult } from '#client/src/public/what-if.js';
import { tableStyles } from './ranking-table-styles.js';

/**
 * A sortable ranking table: rank, unit, composite with its interval, tier, change, n and one column
 * per sub-index. Under what-if weights, rank, composite and tier are the what-if ones and the change
 * column compares with the official rank.
 * @fires sort - `{sort}` when a column header is activated.
 * @fires highlight - `{code}` when a row is pointed at or focused.
 */
export class RankingTable extends LitElement {
  static override properties = {
    ranking: { attribute: false },
    bands: { attribute: false },
    whatIf: { attribute: false },
    lang: {},
    sort: {},
    dir: {},
    highlight: {},
  };
  declare ranking: Ranking;
  declare bands: TierBand[];
  declare whatIf: WhatIfResult | null;
  declare lang: Lang;
  declare sort: string;
  declare dir: 'asc' | 'desc';
  declare highlight: string | null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.bands = [];
    this.whatIf = null;
    this.highlight = null;
  }

  private _header(key: string, label: string, cls: string, title?: string) {
    const active = this.sort === key;
    const aria = active ? (this.dir === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${aria} class=${cls}>
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

  private _emitHighlight(code: string | null): void {
    this.dispatchEvent(new CustomEvent('highlight', { detail: { code }, bubbles: true, composed: true }));
  }

  private _tier(index: number | null) {
    const band = index === null ? undefined : this.bands[index];
    if (!band) return nothing;
    // The path sits in the badge's own template (no nested svg template): 63 fewer template instances per render.
    return html`<span class="badge" style="--c:${band.colour}"
      ><svg viewBox="-6 -6 12 12" aria-hidden="true">
        <path d=${band.symbolPath} fill=${band.colour}></path></svg
      >${band.name[this.lang]}</span
    >`;
  }

  private _composite(row: RankingRow, value: number | null) {
    const lang = this.lang;
    if (value === null) {
      const why = reasonText(row.reason);
      return html`<span class="reason">${why}</span>`;
    }
    const iv = this.whatIf ? null : row.interval;
    return html`<span class="value">${formatNumber(lang, value)}</span>${
        iv
          ? html`<span class="interval"
              ><span class="visually-hidden">${msg('interval', { id: 'public.table.interval' })} </span
              >${formatNumber(lang, iv[0], 1)}–${formatNumber(lang, iv[1], 1)}</span
            >`
          : nothing
      }`;
  }

  private _shiftWords(shift: number | null): string {
    if (shift === null) return '';
    if (shift > 0) return msg(str`up ${shift}`, { id: 'public.table.up' });
    if (shift < 0) return msg(str`down ${-shift}`, { id: 'public.table.down' });
    return msg('unchanged', { id: 'public.table.same' });
  }

  private _change(row: RankingRow) {
    const shift = this.whatIf
      ? (this.whatIf.units.get(row.unit.code)?.shift ?? null)
      : (row.change?.rank ?? null);
    const score = this.whatIf ? null : (row.change?.score ?? null);
    if (shift === null && score === null) return html`<span class="muted">—</span>`;
    const dir = shift === null || shift === 0 ? 'same' : shift > 0 ? 'up' : 'down';
    const arrow = { same: '■', up: '▲', down: '▼' }[dir];
    const words = this._shiftWords(shift);
    return html`<span class="change ${dir}" title=${words}
        ><span aria-hidden="true">${arrow}</span>${shift === null ? '' : Math.abs(shift)}<span
          class="visually-hidden"
        >
          ${words}</span
        ></span
      >${score === null ? nothing : html`<span class="interval">${formatSigned(this.lang, score)}</span>`}`;
  }

  private _row(row: RankingRow) {
    const r = this.ranking;
    const lang = this.lang;
    const w = this.whatIf?.units.get(row.unit.code);
    const rank = w ? w.rank : row.rank;
    const composite = w ? w.composite : row.composite;
    const tierIndex = w ? w.tier : row.tier ? r.tiers.findIndex((t) => t.code === row.tier!.code) : null;
    const href = publicPath({ view: 'unit', family: r.family.code, unit: row.unit.code });
    return html`<tr
      data-unit=${row.unit.code}
      class=${row.unit.code === this.highlight ? 'active' : ''}
      @pointerenter=${() => this._emitHighlight(row.unit.code)}
      @focusin=${() => this._emitHighlight(row.unit.code)}
    >
      <td class="rank">${rank ?? '—'}</td>
      <th scope="row" class="unit">
        <a href=${`${href}${lang === 'en' ? '?lang=en' : ''}`}>${row.unit.name[lang]}</a>
      </th>
      <td class="num composite">${this._composite(row, composite)}</td>
      <td class="tier">${this._tier(tierIndex === -1 ? null : tierIndex)}</td>
      <td class="num">${this._change(row)}</td>
      <td class="num n">${row.n === null ? '—' : formatInteger(lang, row.n)}</td>
      ${r.components.map(
        (c) =>
          html`<td class="num sub" data-component=${c.code}>
            ${
              row.scores[c.code] === null || row.scores[c.code] === undefined
                ? html`<span class="muted" title=${reasonText(row.reasons[c.code] ?? null)}>—</span>`
                : formatNumber(lang, row.scores[c.code])
            }
          </td>`,
      )}
    </tr>`;
  }

  override render() {
    const r = this.ranking;
    const lang = this.lang;
    const over = this.whatIf?.units;
    const rows = sortRows(r.rows, this.sort, this.dir, lang, over);
    const weight = (w: number | null) =>
      w === null
        ? ''
        : ` · ${msg('weight', { id: 'public.table.weight' })} ${formatPercent(lang, w / this._weightTotal())}`;
    return html`<p class="cue" aria-hidden="true">
        ${msg('Swipe the table sideways to see every column →', { id: 'public.table.cue' })}
      </p>
      <div
        class="scroll"
        tabindex="0"
        role="region"
        aria-label=${msg(str`Ranking ${r.year}, ${r.block.name[lang]}`, { id: 'public.table.label' })}
      >
        <table lang=${lang}>
          <thead>
            <tr>
              ${this._header('rank', msg('Rank', { id: 'public.rank' }), 'rank')}
              ${this._header('unit', msg('Unit', { id: 'public.unit' }), 'unit')}
              ${this._header('composite', r.composite.name[lang], 'num composite')}
              <th scope="col" class="tier">${msg('Tier', { id: 'public.tier' })}</th>
              ${this._header(
                'change',
                this.whatIf
                  ? msg('vs official', { id: 'public.table.vs-official' })
                  : msg('Change', { id: 'public.table.change' }),
                'num',
                this.whatIf
                  ? msg('Rank under these weights compared with the official rank', {
                      id: 'public.table.vs-official-title',
                    })
                  : msg('Change in rank and score since the previous release', {
                      id: 'public.table.change-title',
                    }),
              )}
              ${this._header('n', msg('Raters (n)', { id: 'public.table.n' }), 'num n', msg('Respondents behind the score', { id: 'public.table.n-title' }))}
              ${r.components.map((c) => this._header(c.code, c.name[lang], 'num sub', `${c.name[lang]}${weight(c.weight)}`))}
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => this._row(row))}
          </tbody>
        </table>
      </div>`;
  }

  private _weightTotal(): number {
    return this.ranking.components.reduce((s, c) => s + (c.weight ?? 0), 0) || 1;
  }

  static override styles = tableStyles;
}

customElements.define('ci-ranking-table', RankingTable);

declare global {
  interface HTMLElementTagNameMap {
    'ci-ranking-table': RankingTable;
  }
}
