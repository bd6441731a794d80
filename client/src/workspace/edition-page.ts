import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { CodeBatchSummary, EditionAction, EditionSummary } from '#api/admin-editions.js';
import type { Role } from '#api/admin-users.js';
import { admin, saveBlob } from './api.js';
import { stateLabel } from './editions-page.js';
import { formatDate } from './format.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';
import './intake-panel.js';
import './monitor-panel.js';

const ACTIONS: Record<EditionSummary['state'], EditionAction[]> = {
  draft: ['open'],
  open: ['close'],
  closed: ['reopen', 'archive'],
  archived: [],
};

/** One survey edition: lifecycle, the flagged-responses setting, code batches, intake and the monitor. */
export class WsEdition extends LitElement {
  static override styles = wsStyles;
  static override properties = {
    slug: {},
    role: {},
    _e: { state: true },
    _batches: { state: true },
    _error: { state: true },
    _notice: { state: true },
  };
  declare slug: string;
  declare role: Role;
  declare _e: EditionSummary | undefined;
  declare _batches: CodeBatchSummary[];
  declare _error: unknown;
  declare _notice: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._batches = [];
    this._notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private get _path(): string {
    return `/survey-editions/${encodeURIComponent(this.slug)}`;
  }

  private async _load(): Promise<void> {
    try {
      this._e = (await admin<{ editions: EditionSummary[] }>('GET', '/survey-editions')).editions.find(
        (e) => e.slug === this.slug,
      );
      this._batches = (await admin<{ batches: CodeBatchSummary[] }>('GET', `${this._path}/batches`)).batches;
    } catch (err) {
      this._error = err;
    }
  }

  private async _do(work: () => Promise<unknown>, notice: string): Promise<void> {
    try {
      await work();
      this._error = undefined;
      this._notice = notice;
      await this._load();
    } catch (err) {
      this._error = err;
      this._notice = '';
    }
  }

  private _actionLabel(a: EditionAction): string {
    return {
      open: msg('Open for answers', { id: 'ws.edition.open' }),
      close: msg('Close', { id: 'ws.edition.close' }),
      reopen: msg('Reopen', { id: 'ws.edition.reopen' }),
      archive: msg('Archive', { id: 'ws.edition.archive' }),
    }[a];
  }

  private _issue(e: SubmitEvent): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    void this._do(
      async () => {
        const blob = await admin<Blob>('POST', `${this._path}/batches`, {
          body: { label: f.get('label'), count: Number(f.get('count')) },
          blob: true,
        });
        saveBlob(blob, `${this.slug}-codes.csv`);
      },
      msg('Codes issued and downloaded. They are shown only this once: keep the file safe.', {
        id: 'ws.edition.issued',
      }),
    );
  }

  private _batchesCard(canEdit: boolean) {
    return html`<section class="card">
      <h2>${msg('Survey codes', { id: 'ws.edition.codes' })}</h2>
      ${
        canEdit
          ? html`<form @submit=${this._issue}>
              <label
                >${msg('Batch name', { id: 'ws.edition.batchLabel' })}<input
                  name="label"
                  required
                  placeholder=${msg('Mail merge, March', { id: 'ws.edition.batchPlaceholder' })}
              /></label>
              <label
                >${msg('Number of codes', { id: 'ws.edition.count' })}<input
                  name="count"
                  type="number"
                  min="1"
                  max="50000"
                  value="100"
                  required
              /></label>
              <button type="submit">${msg('Issue and download CSV', { id: 'ws.edition.issue' })}</button>
            </form>`
          : nothing
      }
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th>${msg('Batch name', { id: 'ws.edition.batchLabel' })}</th>
              <th>${msg('Issued', { id: 'ws.edition.issuedCol' })}</th>
              <th>${msg('Used', { id: 'ws.edition.used' })}</th>
              <th>${msg('Revoked', { id: 'ws.edition.revoked' })}</th>
              <th>${msg('Created', { id: 'ws.users.createdAt' })}</th>
              <th>${msg('Actions', { id: 'ws.actions' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this._batches.map(
              (b) =>
                html`<tr>
                  <td>${b.label}</td>
                  <td>${b.issued}</td>
                  <td>${b.used}</td>
                  <td>${b.revoked}</td>
                  <td>${formatDate(b.createdAt)} ${b.createdBy ?? ''}</td>
                  <td>
                    ${canEdit && b.issued - b.used - b.revoked > 0 ? html`<button class="secondary" @click=${() => confirm(msg('Revoke every unused code of this batch?', { id: 'ws.edition.revokeConfirm' })) && void this._do(() => admin('DELETE', `${this._path}/batches/${b.id}`), msg('Unused codes revoked.', { id: 'ws.edition.revokedDone' }))}>${msg('Revoke unused', { id: 'ws.edition.revoke' })}</button>` : nothing}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  override render() {
    const e = this._e;
    if (!e)
      return html`${problems(this._error)}
        <p>${msg('Loading…', { id: 'ws.loading' })}</p>`;
    const canEdit = this.role !== 'viewer';
    return html`<h1>${e.slug}</h1>
      <section class="card">
        <p>
          ${msg('State', { id: 'ws.users.state' })}: <strong>${stateLabel(e.state)}</strong> ·
          ${formatDate(e.opensOn)} – ${formatDate(e.closesOn)} · <code>${e.contentHash.slice(0, 12)}</code>
        </p>
        <div class="row">
          ${canEdit ? ACTIONS[e.state].map((a) => html`<button @click=${() => this._do(() => admin('POST', `${this._path}/state`, { body: { action: a } }), this._actionLabel(a))}>${this._actionLabel(a)}</button>`) : nothing}
          <label style="flex-direction: row; align-items: center; gap: 0.4rem">
            <input
              type="checkbox"
              ?disabled=${!canEdit}
              .checked=${e.includeFlagged}
              @change=${(ev: Event) => this._do(() => admin('PUT', `${this._path}/include-flagged`, { body: { includeFlagged: (ev.target as HTMLInputElement).checked } }), msg('Saved.', { id: 'ws.saved' }))}
            />
            ${msg('Count quality-flagged responses in scores and releases', { id: 'ws.edition.includeFlagged' })}
          </label>
        </div>
      </section>
      <p>
        <a href=${`/admin/methodology/${encodeURIComponent(e.family)}/${e.year}`}
          >${msg('Methodology, preview and publishing', { id: 'ws.edition.methodology' })} →</a
        >
      </p>
      ${problems(this._error)}
      ${this._notice ? html`<p class="ok" role="status">${this._notice}</p>` : nothing}
      <ws-monitor .slug=${this.slug}></ws-monitor>
      ${this._batchesCard(canEdit)}
      ${canEdit ? html`<ws-intake .slug=${this.slug} @imported=${() => this._load()}></ws-intake>` : nothing}`;
  }
}
customElements.define('ws-edition', WsEdition);
