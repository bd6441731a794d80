import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { TIER_METHODS, type TierMethod } from '#scoring/methodology/types.js';
import { addTier, removeTier, setTierCutoff, setTierLabel, setTierMethod, TIER_FIELD } from './edits.js';
import { fieldErrors, numberOf } from './field-errors.js';
import { MethodologyFields } from './fields-base.js';
import { tierCutoffName, tierMethodName } from './labels.js';

/**
 * The tier rule: its method, and per tier (best first) the code, the labels in both languages and the
 * cut-off below it. Changes go up as `edit` events; the server's problems show at the tier.
 */
export class WsTierFields extends MethodologyFields {
  private _row(i: number, last: boolean) {
    const t = this.methodology.tiers!;
    const label = t.labels[i]!;
    const list = t[TIER_FIELD[t.method]] ?? [];
    const tier = msg(str`Tier ${i + 1}`, { id: 'ws.rules.tier' });
    const text = (field: 'code' | 'vi' | 'en', name: string) =>
      html`<input
        aria-label=${`${tier}: ${name}`}
        .value=${label[field] ?? ''}
        @change=${(e: Event) => this.emit(setTierLabel(this.methodology, i, field, (e.target as HTMLInputElement).value))}
      />`;
    return html`<tr>
      <td>${i + 1}</td>
      <td>${text('code', msg('code', { id: 'ws.rules.tierCode' }))}</td>
      <td>${text('vi', msg('Vietnamese label', { id: 'ws.rules.tierVi' }))}</td>
      <td>${text('en', msg('English label', { id: 'ws.rules.tierEn' }))}</td>
      <td>
        ${
          last
            ? html`<span class="muted">${msg('below every cut-off', { id: 'ws.rules.rest' })}</span>`
            : html`<input
                type="number"
                step="any"
                aria-label=${`${tier}: ${tierCutoffName(t.method)}`}
                .value=${list[i] === undefined ? '' : String(list[i])}
                @change=${(e: Event) => this.emit(setTierCutoff(this.methodology, i, numberOf(e) ?? NaN))}
              />`
        }
        ${fieldErrors(this.details, `/tiers/${TIER_FIELD[t.method]}/${i}`)}
        ${fieldErrors(this.details, `/tiers/labels/${i}`)}
      </td>
      <td>
        <button
          type="button"
          class="secondary"
          ?disabled=${t.labels.length <= 2}
          @click=${() => this.emit(removeTier(this.methodology, i))}
        >
          ${msg('Remove', { id: 'ws.rules.remove' })}
        </button>
      </td>
    </tr>`;
  }

  override render() {
    const t = this.methodology.tiers;
    return html`<label
        >${msg('Tier rule', { id: 'ws.rules.tierRule' })}
        <select
          @change=${(e: Event) =>
            this.emit(
              setTierMethod(this.methodology, (e.target as HTMLSelectElement).value as TierMethod | ''),
            )}
        >
          ${(['', ...TIER_METHODS] as const).map(
            (m) =>
              html`<option value=${m} ?selected=${(t?.method ?? '') === m}>${tierMethodName(m)}</option>`,
          )}
        </select></label
      >
      ${fieldErrors(this.details, '/tiers')}
      ${
        t
          ? html`<div
                class="table-wrap"
                tabindex="0"
                role="region"
                aria-label=${msg('Tiers', { id: 'ws.rules.tiers' })}
              >
                <table>
                  <thead>
                    <tr>
                      <th>#</th>
                      <th>${msg('Code', { id: 'ws.rules.codeHead' })}</th>
                      <th>${msg('Vietnamese label', { id: 'ws.rules.tierVi' })}</th>
                      <th>${msg('English label', { id: 'ws.rules.tierEn' })}</th>
                      <th>${tierCutoffName(t.method)}</th>
                      <th><span class="muted">${msg('Actions', { id: 'ws.rules.actions' })}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${t.labels.map((_, i) => this._row(i, i === t.labels.length - 1))}
                  </tbody>
                </table>
              </div>
              <button type="button" class="secondary" @click=${() => this.emit(addTier(this.methodology))}>
                ${msg('Add a tier', { id: 'ws.rules.add' })}
              </button>`
          : nothing
      }`;
  }
}
customElements.define('ws-tier-fields', WsTierFields);
