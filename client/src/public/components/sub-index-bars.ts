import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, svg } from 'lit';
import type { ProfileEntry, Ranking } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import { strengthsAndWeaknesses } from '#client/src/public/strengths.js';
import { pageStyles } from './page-styles.js';
import { periodLabel } from '#api/periods.js';

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Sub-index bars of one unit against the block median and best, with strengths and weaknesses. */
export class SubIndexBars extends LitElement {
  static override properties = { entry: { attribute: false }, ranking: { attribute: false }, lang: {} };
  declare entry: ProfileEntry;
  declare ranking: Ranking | undefined;
  declare lang: Lang;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  private _stats() {
    const rows = this.ranking?.rows ?? [];
    return this.entry.components.map((c) => {
      const values = rows.map((r) => r.scores[c.code]).filter((v): v is number => typeof v === 'number');
      const cell = this.entry.subIndices[c.code];
      return {
        code: c.code,
        name: c.name[this.lang],
        value: cell?.value ?? null,
        rank: cell?.rank ?? null,
        ranked: values.length || this.entry.rankedUnits,
        median: median(values),
        best: values.length ? Math.max(...values) : null,
      };
    });
  }

  private _bar(value: number | null, med: number | null, best: number | null) {
    const x = (v: number) => Math.max(0, Math.min(100, v * 10));
    return html`<svg viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true">
      ${svg`<rect x="0" y="2" width="100" height="10" fill="#eef2f6"></rect>`}
      ${value === null ? nothing : svg`<rect class="val" x="0" y="2" width=${x(value)} height="10"></rect>`}
      ${med === null ? nothing : svg`<line class="med" x1=${x(med)} x2=${x(med)} y1="0" y2="14"></line>`}
      ${best === null ? nothing : svg`<line class="best" x1=${x(best)} x2=${x(best)} y1="0" y2="14"></line>`}
    </svg>`;
  }

  private _strengths(sw: ReturnType<typeof strengthsAndWeaknesses>, name: (code: string) => string) {
    return html`<h2>${msg('Strengths and weaknesses', { id: 'public.bars.sw' })}</h2>
      ${
        sw.withheld
          ? html`<p>
              ${sw.withheld === 'few-units' ? msg('Not signalled: the block has fewer than 5 ranked units.', { id: 'public.bars.few' }) : msg('Not signalled: the unit has scores for fewer than half of the sub-indices.', { id: 'public.bars.coverage' })}
            </p>`
          : html`<ul class="sw">
              <li>
                <strong>${msg('Strengths', { id: 'public.bars.strengths' })}:</strong>
                ${sw.strengths.map(name).join(', ') || '—'}
              </li>
              <li>
                <strong>${msg('Weaknesses', { id: 'public.bars.weaknesses' })}:</strong>
                ${sw.weaknesses.map(name).join(', ') || '—'}
              </li>
            </ul>`
      }`;
  }

  override render() {
    const lang = this.lang;
    const stats = this._stats();
    const sw = strengthsAndWeaknesses(stats.map((s) => ({ code: s.code, rank: s.rank, ranked: s.ranked })));
    const name = (code: string) => stats.find((s) => s.code === code)?.name ?? code;
    const f = (v: number | null) => formatNumber(lang, v);
    return html`<h2>
        ${msg(str`Sub-indices ${periodLabel(this.entry.release.edition, this.lang)}`, { id: 'public.bars.title' })}
      </h2>
      <p class="meta">
        <span class="key val"></span>${msg('this unit', { id: 'public.bars.unit' })}
        <span class="key med"></span>${msg('block median', { id: 'public.bars.median' })}
        <span class="key best"></span>${msg('best in block', { id: 'public.bars.best' })}
      </p>
      <div
        class="scroll"
        tabindex="0"
        role="region"
        aria-label=${msg('Sub-indices', { id: 'public.bars.region' })}
      >
        <table class="plain bars">
          <thead>
            <tr>
              <th scope="col">${msg('Sub-index', { id: 'public.bars.component' })}</th>
              <th scope="col" class="bar">
                <span class="visually-hidden">${msg('Bar', { id: 'public.bars.bar' })}</span>
              </th>
              <th scope="col">${msg('Score', { id: 'public.bars.score' })}</th>
              <th scope="col">${msg('Median', { id: 'public.bars.median-col' })}</th>
              <th scope="col">${msg('Rank', { id: 'public.rank' })}</th>
            </tr>
          </thead>
          <tbody>
            ${stats.map(
              (s) =>
                html`<tr data-component=${s.code}>
                  <th scope="row">
                    ${s.name}${sw.strengths.includes(s.code) ? html` <span class="tag good">${msg('strength', { id: 'public.bars.strength' })}</span>` : nothing}${sw.weaknesses.includes(s.code) ? html` <span class="tag weak">${msg('weakness', { id: 'public.bars.weakness' })}</span>` : nothing}
                  </th>
                  <td class="bar">${this._bar(s.value, s.median, s.best)}</td>
                  <td>${f(s.value)}</td>
                  <td>${f(s.median)}</td>
                  <td>
                    ${s.rank === null ? '—' : msg(str`${s.rank} of ${s.ranked}`, { id: 'public.profile.rank-of' })}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this._strengths(sw, name)}
      <p class="meta">
        ${msg('Rule (after the Global Innovation Index): percentile rank within the block; the top quarter of the unit’s sub-indices are strengths, the bottom quarter weaknesses; a sub-index ranked 1–3 is always a strength.', { id: 'public.bars.rule' })}
      </p>`;
  }

  static override styles = [
    pageStyles,
    css`
      .bars td.bar,
      .bars th.bar {
        width: 40%;
        min-width: 6rem;
      }
      .bars svg {
        width: 100%;
        height: 14px;
        display: block;
      }
      .val {
        fill: #2f7fc1;
      }
      .med {
        stroke: #1b2430;
        stroke-width: 2;
        vector-effect: non-scaling-stroke;
      }
      .best {
        stroke: #b8461b;
        stroke-width: 2;
        stroke-dasharray: 2 2;
        vector-effect: non-scaling-stroke;
      }
      .key {
        display: inline-block;
        width: 0.9rem;
        height: 0.7rem;
        margin: 0 0.25rem 0 0.75rem;
        vertical-align: middle;
      }
      .key.val {
        background: #2f7fc1;
        margin-left: 0;
      }
      .key.med {
        border-left: 2px solid #1b2430;
        width: 0;
      }
      .key.best {
        border-left: 2px dashed #b8461b;
        width: 0;
      }
      .tag {
        font-size: 0.7rem;
        padding: 0 0.3rem;
        border-radius: 3px;
        font-weight: 600;
      }
      .tag.good {
        background: #dcefe1;
        color: #145c27;
      }
      .tag.weak {
        background: #fbe3dc;
        color: #8a2a12;
      }
      .bars th[scope='row'] {
        font-weight: 500;
        white-space: normal;
      }
    `,
  ];
}

customElements.define('ci-sub-index-bars', SubIndexBars);

declare global {
  interface HTMLElementTagNameMap {
    'ci-sub-index-bars': SubIndexBars;
  }
}
