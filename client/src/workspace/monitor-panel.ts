import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { currentLang } from '#client/src/shared/localize.js';
import type { Localized } from '#api/text.js';
import { admin } from './api.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

interface RateCell {
  value: string | null;
  issued: number | null;
  submitted: number | null;
  rate: number | null;
  suppressed?: boolean;
}
interface Monitoring {
  codes: {
    issued: number;
    draftsStarted: number;
    draftsInProgress: number;
    submitted: number;
    awaitingMix?: number;
  };
  responses: { total: number; openMode: number; flagged: number; byChannel: Record<string, number> };
  blocks: Array<{
    block: string;
    responses: number;
    units: Array<{ code: string; name: Localized; respondents: number }>;
  }>;
  responseRate: { minCell: number; bySize: RateCell[]; bySector: RateCell[] };
}

const REFRESH_MS = 15_000;

/** Live counts of an edition (refreshed every 15 s): codes, responses per block and unit, rates with small cells hidden. */
export class WsMonitor extends LitElement {
  static override styles = wsStyles;
  static override properties = { slug: {}, _m: { state: true }, _error: { state: true } };
  declare slug: string;
  declare _m: Monitoring | undefined;
  declare _error: unknown;
  private _timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
    this._timer = setInterval(() => void this._load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    clearInterval(this._timer);
    super.disconnectedCallback();
  }

  private async _load(): Promise<void> {
    try {
      this._m = await admin<Monitoring>(
        'GET',
        `/survey-editions/${encodeURIComponent(this.slug)}/monitoring`,
      );
      this._error = undefined;
    } catch (err) {
      this._error = err;
    }
  }

  private _rates(title: string, cells: RateCell[]) {
    const hidden = msg('hidden (fewer than 5)', { id: 'ws.monitor.suppressed' });
    return html`<div class="table-wrap" tabindex="0">
      <table>
        <caption class="muted" style="text-align: left">
          ${title}
        </caption>
        <thead>
          <tr>
            <th>${msg('Group', { id: 'ws.monitor.group' })}</th>
            <th>${msg('Issued', { id: 'ws.edition.issuedCol' })}</th>
            <th>${msg('Answered', { id: 'ws.monitor.answered' })}</th>
            <th>${msg('Rate', { id: 'ws.monitor.rate' })}</th>
          </tr>
        </thead>
        <tbody>
          ${cells.map(
            (c) =>
              html`<tr>
                <td>${c.value ?? '—'}</td>
                <td>${c.issued ?? hidden}</td>
                <td>${c.submitted ?? hidden}</td>
                <td>${c.rate === null ? hidden : `${Math.round(c.rate * 100)} %`}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const m = this._m;
    const lang = currentLang();
    if (!m) return problems(this._error);
    return html`<section class="card">
      <h2>${msg('Responses', { id: 'ws.editions.responses' })}</h2>
      <p>
        ${msg('Codes issued', { id: 'ws.monitor.issued' })}: <strong>${m.codes.issued}</strong> ·
        ${msg('drafts started', { id: 'ws.monitor.drafts' })}: ${m.codes.draftsStarted} ·
        ${msg('responses', { id: 'ws.monitor.responses' })}: <strong>${m.responses.total}</strong>
        (${msg('online', { id: 'ws.monitor.online' })} ${m.responses.byChannel.online ?? 0},
        ${msg('paper', { id: 'ws.monitor.paper' })} ${m.responses.byChannel.paper ?? 0},
        ${msg('phone', { id: 'ws.monitor.phone' })} ${m.responses.byChannel.phone ?? 0}) ·
        ${msg('flagged', { id: 'ws.monitor.flagged' })}: ${m.responses.flagged}
        ${m.codes.awaitingMix ? html` · ${msg('waiting to be stored', { id: 'ws.monitor.awaiting' })}: ${m.codes.awaitingMix}` : nothing}
      </p>
      ${m.blocks.map(
        (b) =>
          html`<details>
            <summary>${b.block}: ${b.responses}</summary>
            <ul>
              ${b.units.map((u) => html`<li>${u.name[lang]}: ${u.respondents}</li>`)}
            </ul>
          </details>`,
      )}
      ${m.responseRate.bySize.length ? this._rates(msg('Response rate by firm size', { id: 'ws.monitor.bySize' }), m.responseRate.bySize) : nothing}
      ${m.responseRate.bySector.length ? this._rates(msg('Response rate by sector', { id: 'ws.monitor.bySector' }), m.responseRate.bySector) : nothing}
      ${problems(this._error)}
    </section>`;
  }
}
customElements.define('ws-monitor', WsMonitor);
