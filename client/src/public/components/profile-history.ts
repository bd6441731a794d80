import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { UnitProfile } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { formatInteger, formatNumber } from '#client/src/shared/i18n.js';
import { pageStyles } from './page-styles.js';
import { periodLabel } from '#api/periods.js';

/** The profile's values by edition (the trend chart's table): predecessors labelled, n per edition. */
export class ProfileHistory extends LitElement {
  static override properties = { profile: { attribute: false }, lang: {} };
  declare profile: UnitProfile;
  declare lang: Lang;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    const lang = this.lang;
    const p = this.profile;
    const codes = [...new Set(p.series.flatMap((e) => e.components.map((c) => c.code)))];
    const names = new Map(p.series.flatMap((e) => e.components.map((c) => [c.code, c.name[lang]] as const)));
    const rows = [...p.series].sort(
      (a, b) =>
        b.release.edition - a.release.edition ||
        Number(a.relation === 'predecessor') - Number(b.relation === 'predecessor'),
    );
    return html`<div
      class="scroll"
      tabindex="0"
      role="region"
      aria-label=${msg('Values by edition', { id: 'public.history.label' })}
    >
      <table class="plain history">
        <caption class="visually-hidden">
          ${msg('Values by edition', { id: 'public.history.label' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Edition', { id: 'public.history.edition' })}</th>
            <th scope="col">${msg('Unit', { id: 'public.unit' })}</th>
            <th scope="col">${msg('Composite', { id: 'public.profile.composite-name' })}</th>
            <th scope="col">${msg('Rank', { id: 'public.rank' })}</th>
            <th scope="col">${msg('Raters (n)', { id: 'public.table.n' })}</th>
            ${codes.map((c) => html`<th scope="col">${names.get(c)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (e) =>
              html`<tr class=${e.relation} data-edition=${e.release.edition} data-unit=${e.unit.code}>
                <th scope="row">${periodLabel(e.release.edition, this.lang)}</th>
                <td>
                  ${e.unit.name[lang]}${e.relation === 'predecessor' ? html` <em>(${msg('predecessor', { id: 'public.history.predecessor' })})</em>` : nothing}
                </td>
                <td>${formatNumber(lang, e.composite.value)}</td>
                <td>${e.composite.rank === null ? '—' : `${e.composite.rank}/${e.rankedUnits}`}</td>
                <td>${e.n === null ? '—' : formatInteger(lang, e.n)}</td>
                ${codes.map((c) => html`<td>${formatNumber(lang, e.subIndices[c]?.value)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  static override styles = pageStyles;
}

customElements.define('ci-profile-history', ProfileHistory);

declare global {
  interface HTMLElementTagNameMap {
    'ci-profile-history': ProfileHistory;
  }
}
