import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { JsonChange, MethodologyList, PublicationSummary } from '#api/admin-methodology.js';
import type { Role } from '#api/admin-users.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { admin } from './api.js';
import { formatDate } from './format.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

/** Saved versions (hash, diff) and the draft → review → publish workflow of an edition. */
export class WsPublish extends LitElement {
  static override styles = wsStyles;
  static override properties = {
    family: {},
    year: { type: Number },
    role: {},
    methodology: { attribute: false },
    list: { attribute: false },
    _pubs: { state: true },
    _diff: { state: true },
    _error: { state: true },
    _notice: { state: true },
  };
  declare family: string;
  declare year: number;
  declare role: Role;
  declare methodology: Methodology;
  declare list: MethodologyList | undefined;
  declare _pubs: PublicationSummary[];
  declare _diff: JsonChange[] | undefined;
  declare _error: unknown;
  declare _notice: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._pubs = [];
    this._notice = '';
  }

  private get _base(): string {
    return `/families/${encodeURIComponent(this.family)}/editions/${this.year}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._loadPubs();
  }

  private async _loadPubs(): Promise<void> {
    try {
      this._pubs = (
        await admin<{ publications: PublicationSummary[] }>('GET', `${this._base}/publications`)
      ).publications;
    } catch (err) {
      this._error = err;
    }
  }

  private async _do(work: () => Promise<unknown>, notice: string): Promise<void> {
    try {
      await work();
      this._error = undefined;
      this._notice = notice;
      await this._loadPubs();
    } catch (err) {
      this._error = err;
      this._notice = '';
    }
  }

  private _save(e: SubmitEvent): void {
    e.preventDefault();
    const note = String(new FormData(e.target as HTMLFormElement).get('note') ?? '');
    void this._do(
      async () => {
        await admin('POST', `${this._base}/methodologies`, { body: { methodology: this.methodology, note } });
        this.dispatchEvent(new CustomEvent('saved'));
      },
      msg('Version saved.', { id: 'ws.method.saved' }),
    );
  }

  private _compare(e: SubmitEvent): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    void this._do(async () => {
      this._diff = (
        await admin<{ changes: JsonChange[] }>('GET', `/methodologies/${f.get('a')}/diff/${f.get('b')}`)
      ).changes;
    }, '');
  }

  private _pubRow(p: PublicationSummary) {
    const act = (path: string, label: string, notice: string) =>
      html`<button @click=${() => this._do(() => admin('POST', `/publications/${p.id}/${path}`), notice)}>
        ${label}
      </button>`;
    return html`<tr>
      <td>${p.id}</td>
      <td>${p.state}</td>
      <td><code>${p.versionHash.slice(0, 12)}</code></td>
      <td>${p.createdBy ?? ''}</td>
      <td>${p.publishedBy ?? ''}</td>
      <td>
        ${p.releaseId ? html`<a href=${`/api/v1/releases/${p.releaseId}`}>${p.releaseId}</a>` : nothing}
      </td>
      <td>
        ${this.role === 'viewer' ? nothing : p.state === 'draft' ? act('submit', msg('Send to review', { id: 'ws.pub.submit' }), msg('Sent to review.', { id: 'ws.pub.submitted' })) : p.state === 'review' ? act('publish', msg('Publish the release', { id: 'ws.pub.publish' }), msg('Published: the public site now shows this release.', { id: 'ws.pub.published' })) : nothing}
      </td>
    </tr>`;
  }

  override render() {
    const versions = this.list?.versions ?? [];
    const canEdit = this.role !== 'viewer';
    return html`<section class="card">
      <h2>${msg('Versions', { id: 'ws.method.versions' })}</h2>
      ${
        canEdit
          ? html`<form @submit=${this._save}>
              <label
                >${msg('What changed', { id: 'ws.method.note' })}<input name="note" maxlength="500"
              /></label>
              <button type="submit">${msg('Save as a new version', { id: 'ws.method.save' })}</button>
            </form>`
          : nothing
      }
      <ul>
        ${versions.map((v) => html`<li><code>${v.hash.slice(0, 12)}</code> · ${formatDate(v.createdAt, true)} · ${v.createdBy ?? ''} · ${v.note ?? ''}${canEdit ? html` <button class="secondary" @click=${() => this._do(() => admin('POST', `${this._base}/publications`, { body: { versionId: v.id } }), msg('Draft publication created.', { id: 'ws.pub.drafted' }))}>${msg('Prepare for publishing', { id: 'ws.pub.draft' })}</button>` : nothing}</li>`)}
      </ul>
      ${
        versions.length > 1
          ? html`<form @submit=${this._compare}>
              <label
                >${msg('From', { id: 'ws.audit.from' })}<select name="a">
                  ${versions.map((v) => html`<option value=${v.id}>${v.hash.slice(0, 12)} ${v.note ?? ''}</option>`)}
                </select></label
              >
              <label
                >${msg('To', { id: 'ws.audit.to' })}<select name="b">
                  ${versions.map((v, i) => html`<option value=${v.id} ?selected=${i === 0}>${v.hash.slice(0, 12)} ${v.note ?? ''}</option>`)}
                </select></label
              >
              <button type="submit" class="secondary">${msg('Compare', { id: 'ws.method.compare' })}</button>
            </form>`
          : nothing
      }
      ${
        this._diff
          ? html`<ul>
              ${this._diff.length ? this._diff.map((c) => html`<li><code>${c.path}</code>: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}</li>`) : html`<li>${msg('No differences.', { id: 'ws.method.same' })}</li>`}
            </ul>`
          : nothing
      }
      <h2>${msg('Publishing', { id: 'ws.pub.title' })}</h2>
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>${msg('State', { id: 'ws.users.state' })}</th>
              <th>${msg('Version', { id: 'ws.pub.version' })}</th>
              <th>${msg('Prepared by', { id: 'ws.pub.by' })}</th>
              <th>${msg('Published by', { id: 'ws.pub.publishedBy' })}</th>
              <th>${msg('Release', { id: 'ws.pub.release' })}</th>
              <th>${msg('Actions', { id: 'ws.actions' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this._pubs.map((p) => this._pubRow(p))}
          </tbody>
        </table>
      </div>
      ${problems(this._error)}
      ${this._notice ? html`<p class="ok" role="status">${this._notice}</p>` : nothing}
    </section>`;
  }
}
customElements.define('ws-publish', WsPublish);
