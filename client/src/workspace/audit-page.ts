import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html } from 'lit';
import type { AuditEntry, AuditPage } from '#api/admin-audit.js';
import { admin } from './api.js';
import { formatDate } from './format.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

const FILTERS = ['actor', 'entityType', 'action', 'family', 'from', 'to'] as const;

const show = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The audit log with filters; the filters are in the URL, so a view can be shared. */
export class WsAudit extends LitElement {
  static override styles = wsStyles;
  static override properties = { _page: { state: true }, _error: { state: true } };
  declare _page: AuditPage | undefined;
  declare _error: unknown;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load(new URLSearchParams(location.search));
  }

  private async _load(q: URLSearchParams, append = false): Promise<void> {
    try {
      const page = await admin<AuditPage>('GET', `/audit?${q}`);
      this._page =
        append && this._page ? { entries: [...this._page.entries, ...page.entries], more: page.more } : page;
      this._error = undefined;
    } catch (err) {
      this._error = err;
    }
  }

  private _filter(e: SubmitEvent): void {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(e.target as HTMLFormElement)) if (String(v)) q.set(k, String(v));
    history.replaceState(null, '', `/admin/audit${q.size ? `?${q}` : ''}`);
    void this._load(q);
  }

  private readonly _older = () => {
    const q = new URLSearchParams(location.search);
    q.set('before', String(this._page!.entries.at(-1)!.id));
    void this._load(q, true);
  };

  private _entry(a: AuditEntry) {
    return html`<tr>
      <td>${formatDate(a.at, true)}</td>
      <td>${a.actor}</td>
      <td><code>${a.action}</code></td>
      <td>${a.entityType} ${a.entityId ? html`<code>${a.entityId}</code>` : ''}</td>
      <td>
        ${
          a.changes.length
            ? html`<ul>
                ${a.changes.map((c) => html`<li><code>${c.field}</code>: ${show(c.before)} → ${show(c.after)}</li>`)}
              </ul>`
            : '—'
        }
      </td>
    </tr>`;
  }

  override render() {
    const q = new URLSearchParams(location.search);
    const labels: Record<(typeof FILTERS)[number], string> = {
      actor: msg('Who', { id: 'ws.audit.actor' }),
      entityType: msg('Record type', { id: 'ws.audit.entityType' }),
      action: msg('Action (prefix)', { id: 'ws.audit.action' }),
      family: msg('Family', { id: 'ws.audit.family' }),
      from: msg('From', { id: 'ws.audit.from' }),
      to: msg('To', { id: 'ws.audit.to' }),
    };
    return html`<h1>${msg('Audit log', { id: 'ws.nav.audit' })}</h1>
      <section class="card">
        <form @submit=${this._filter}>
          ${FILTERS.map(
            (k) =>
              html`<label
                >${labels[k]}<input
                  name=${k}
                  type=${k === 'from' || k === 'to' ? 'date' : 'text'}
                  .value=${q.get(k) ?? ''}
              /></label>`,
          )}
          <button type="submit">${msg('Filter', { id: 'ws.audit.filter' })}</button>
        </form>
      </section>
      ${problems(this._error)}
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th>${msg('When', { id: 'ws.audit.at' })}</th>
              <th>${labels.actor}</th>
              <th>${msg('Action', { id: 'ws.audit.actionCol' })}</th>
              <th>${msg('Record', { id: 'ws.audit.record' })}</th>
              <th>${msg('Changes', { id: 'ws.audit.changes' })}</th>
            </tr>
          </thead>
          <tbody>
            ${(this._page?.entries ?? []).map((a) => this._entry(a))}
          </tbody>
        </table>
      </div>
      ${
        this._page?.more
          ? html`<button class="secondary" @click=${this._older}>
              ${msg('Show older entries', { id: 'ws.audit.older' })}
            </button>`
          : ''
      }`;
  }
}
customElements.define('ws-audit', WsAudit);
