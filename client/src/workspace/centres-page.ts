// The centres' entry links and QR codes of a service-satisfaction family (issue #15), to print and
// post at each centre, at one counter, or on a kiosk tablet. The options are in the URL
// (/admin/centres?family=…&counter=…&kiosk=1), so a sheet can be shared and reloaded.
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { FamilySummary } from '#api/admin-setup.js';
import type { Localized } from '#api/text.js';
import type { CentreLinksPayload } from '#api/visit.js';
import { currentLang } from '#client/src/shared/localize.js';
import { admin } from './api.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

export class WsCentres extends LitElement {
  static override styles = [
    wsStyles,
    css`
      label.check {
        flex-direction: row;
        align-items: center;
        gap: 0.5rem;
      }
      .sheet {
        margin-top: 1rem;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
        gap: 1rem;
      }
      figure {
        margin: 0;
        padding: 1rem;
        border: 1px solid var(--line, #dde3ea);
        border-radius: 8px;
        background: #fff;
        break-inside: avoid;
      }
      figure img {
        width: 100%;
        max-width: 220px;
        display: block;
        margin: 0 auto 0.5rem;
      }
      figcaption strong,
      figcaption span {
        display: block;
      }
      .url {
        font-size: 0.75rem;
        word-break: break-all;
      }
      @media print {
        form,
        .noprint {
          display: none;
        }
      }
    `,
  ];
  static override properties = {
    _families: { state: true },
    _links: { state: true },
    _error: { state: true },
  };
  declare _families: FamilySummary[] | undefined;
  declare _links: CentreLinksPayload | undefined;
  declare _error: unknown;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private readonly t = (x: Localized): string => x[currentLang()];

  private get _query(): URLSearchParams {
    return new URLSearchParams(location.search);
  }

  private async _load(): Promise<void> {
    try {
      const all = (await admin<{ families: FamilySummary[] }>('GET', '/families')).families;
      this._families = all.filter((f) => f.kind === 'service');
      const q = this._query;
      const family = q.get('family') ?? this._families[0]?.code;
      if (!family) return;
      const params = new URLSearchParams();
      if (q.get('counter')) params.set('counter', q.get('counter')!);
      if (q.get('kiosk') === '1') params.set('kiosk', 'true');
      this._links = await admin<CentreLinksPayload>(
        'GET',
        `/families/${encodeURIComponent(family)}/centres/links?${params}`,
      );
      this._error = undefined;
    } catch (err) {
      this._error = err;
    }
  }

  private _apply(e: SubmitEvent): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const q = new URLSearchParams();
    q.set('family', String(form.get('family') ?? ''));
    if (String(form.get('counter') ?? '').trim()) q.set('counter', String(form.get('counter')).trim());
    if (form.get('kiosk')) q.set('kiosk', '1');
    history.replaceState(null, '', `/admin/centres?${q}`);
    void this._load();
  }

  private _form() {
    const q = this._query;
    const current = this._links?.family;
    return html`<form @submit=${this._apply}>
      <label
        >${msg('Family', { id: 'ws.centres.family' })}
        <select name="family">
          ${this._families!.map(
            (f) => html`<option value=${f.code} ?selected=${f.code === current}>${this.t(f.name)}</option>`,
          )}
        </select>
      </label>
      <label
        >${msg('Counter (optional)', { id: 'ws.centres.counter' })}
        <input
          name="counter"
          maxlength="16"
          pattern="[A-Za-z0-9][A-Za-z0-9 _.\\-]{0,15}"
          .value=${q.get('counter') ?? ''}
        />
      </label>
      <label class="check"
        ><input type="checkbox" name="kiosk" ?checked=${q.get('kiosk') === '1'} />
        ${msg('For a kiosk tablet (resets after each visitor)', { id: 'ws.centres.kiosk' })}</label
      >
      <button type="submit">${msg('Show', { id: 'ws.centres.show' })}</button>
      <button type="button" @click=${() => print()}>
        ${msg('Print this page', { id: 'ws.centres.print' })}
      </button>
    </form>`;
  }

  private _sheet() {
    const links = this._links;
    if (!links) return nothing;
    const q = new URLSearchParams();
    if (links.links[0]?.counter) q.set('counter', links.links[0].counter);
    if (links.links[0]?.kiosk) q.set('kiosk', 'true');
    const src = (code: string) =>
      `/api/v1/admin/families/${encodeURIComponent(links.family)}/centres/${encodeURIComponent(code)}/qr.svg?${q}`;
    return html`<div class="sheet">
      ${links.links.map(
        (l) =>
          html`<figure>
            <img
              src=${src(l.centre.code)}
              alt="${msg('QR code of', { id: 'ws.centres.qr-of' })} ${this.t(l.centre.name)}"
            />
            <figcaption>
              <strong>${this.t(l.centre.name)}</strong>
              ${l.counter ? html`<span>${msg(str`Counter ${l.counter}`, { id: 'ws.centres.counter-n' })}</span>` : nothing}
              <code class="url">${l.url}</code>
            </figcaption>
          </figure>`,
      )}
    </div>`;
  }

  override render() {
    if (this._error) return problems(this._error);
    if (!this._families) return nothing;
    return html`<h1>${msg('Centre QR codes', { id: 'ws.centres.title' })}</h1>
      <p class="noprint">
        ${msg('Each code opens the visit survey of that centre, without a survey code. A code identifies the place, never the person answering, and keeps working for every monthly edition.', { id: 'ws.centres.intro' })}
      </p>
      ${this._families.length === 0 ? html`<p>${msg('There is no service-satisfaction family yet.', { id: 'ws.centres.none' })}</p>` : html`${this._form()}${this._sheet()}`}`;
  }
}

customElements.define('ws-centres', WsCentres);
