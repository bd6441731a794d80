import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '#api/text.js';
import { formatInteger, formatNumber, formatPercent } from '#client/src/shared/i18n.js';
import type { BlockResponses, ResponseRates } from '#client/src/public/response-rates.js';
import { pageStyles } from './page-styles.js';

const int = (lang: Lang, v: number | null) => (v === null ? '—' : formatInteger(lang, v));

/** The methodology page's sample sizes and response rates: overall, per block, per unit. */
export class ResponseRatesView extends LitElement {
  static override properties = { rates: { attribute: false }, lang: {} };
  declare rates: ResponseRates;
  declare lang: Lang;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  private _overall() {
    const { lang, rates: r } = this;
    if (r.responses === null)
      return html`<p>
        ${msg('This release is not based on a survey run on this platform: it gives no response counts.', { id: 'public.rates.none' })}
      </p>`;
    return html`<p>
      ${msg(str`${int(lang, r.responses)} responses used, ${int(lang, r.excluded)} left out by quality checks.`, { id: 'public.rates.responses' })}
      ${
        r.rate === null
          ? msg(
              'The release does not give the number of firms invited, so there is no overall response rate.',
              { id: 'public.rates.no-invited' },
            )
          : msg(str`Response rate ${formatPercent(lang, r.rate)} of ${int(lang, r.invited)} firms invited.`, {
              id: 'public.rates.rate',
            })
      }
    </p>`;
  }

  private _block(b: BlockResponses) {
    const lang = this.lang;
    const min = this.rates.minRespondents;
    if (b.median === null)
      return html`<h3>${b.name[lang]}</h3>
        <p>
          ${msg('The published source gives no respondent counts per unit.', { id: 'public.rates.no-n' })}
        </p>`;
    return html`<h3>${b.name[lang]}</h3>
      <p>
        ${msg(str`${b.units.length} units, ${int(lang, b.ratings)} ratings (a firm may rate several units). Firms per unit: median ${formatNumber(lang, b.median, 0)}, from ${int(lang, b.min)} to ${int(lang, b.max)}.`, { id: 'public.rates.block' })}
        ${min === null ? nothing : msg(str`${b.belowMinimum} units below the minimum of ${min} firms (no published score).`, { id: 'public.rates.below' })}
      </p>
      <details data-block=${b.code}>
        <summary>${msg('Respondents per unit', { id: 'public.method.n' })}</summary>
        <div
          class="scroll"
          tabindex="0"
          role="region"
          aria-label=${msg(str`Respondents per unit: ${b.name[lang]}`, { id: 'public.rates.table' })}
        >
          <table class="plain">
            <thead>
              <tr>
                <th scope="col">${msg('Unit', { id: 'public.unit' })}</th>
                <th scope="col">${msg('Raters (n)', { id: 'public.table.n' })}</th>
                <th scope="col">${msg('Share of responding firms', { id: 'public.rates.share' })}</th>
                <th scope="col">${msg('Score published', { id: 'public.rates.published' })}</th>
              </tr>
            </thead>
            <tbody>
              ${b.units.map(
                (u) =>
                  html`<tr data-unit=${u.code}>
                    <th scope="row">${u.name[lang]}</th>
                    <td>${int(lang, u.n)}</td>
                    <td>${u.share === null ? '—' : formatPercent(lang, u.share)}</td>
                    <td>
                      ${u.published ? msg('yes', { id: 'public.rates.yes' }) : msg('no: too few responses', { id: 'public.rates.no' })}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>`;
  }

  override render() {
    return html`<h2>${msg('Sample sizes and response rates', { id: 'public.rates.title' })}</h2>
      ${this._overall()} ${this.rates.blocks.map((b) => this._block(b))}`;
  }

  static override styles = [
    pageStyles,
    css`
      h3 {
        font-size: 1rem;
        margin: 0.8rem 0 0.2rem;
      }
      p {
        max-width: 48rem;
        font-size: 0.9rem;
      }
      summary {
        cursor: pointer;
      }
      summary:focus-visible {
        outline: 3px solid var(--accent);
      }
      tbody th {
        font-weight: 400;
      }
    `,
  ];
}

customElements.define('ci-response-rates', ResponseRatesView);

declare global {
  interface HTMLElementTagNameMap {
    'ci-response-rates': ResponseRatesView;
  }
}
