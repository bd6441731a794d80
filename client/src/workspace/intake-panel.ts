import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { admin, saveBlob } from './api.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Paper and phone intake: the fillable template, and an upload that lists each row's problems. */
export class WsIntake extends LitElement {
  static override styles = wsStyles;
  static override properties = { slug: {}, _error: { state: true }, _notice: { state: true } };
  declare slug: string;
  declare _error: unknown;
  declare _notice: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._notice = '';
  }

  private get _path(): string {
    return `/survey-editions/${encodeURIComponent(this.slug)}`;
  }

  private async _template(format: 'xlsx' | 'csv'): Promise<void> {
    try {
      saveBlob(
        await admin<Blob>('GET', `${this._path}/import-template.${format}`, { blob: true }),
        `${this.slug}-import.${format}`,
      );
    } catch (err) {
      this._error = err;
    }
  }

  private async _upload(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const file = f.get('file') as File;
    const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
    try {
      const r = await admin<{ imported: number }>(
        'POST',
        `${this._path}/imports?channel=${f.get('channel')}`,
        { file: { data: file, type } },
      );
      this._error = undefined;
      this._notice = msg(str`${r.imported} responses imported.`, { id: 'ws.intake.done' });
      this.dispatchEvent(new CustomEvent('imported'));
    } catch (err) {
      this._error = err;
      this._notice = '';
    }
  }

  override render() {
    return html`<section class="card">
      <h2>${msg('Paper and phone forms', { id: 'ws.intake.title' })}</h2>
      <p class="muted">
        ${msg('Download the template, type one form per row, then upload it. Every row is checked first: if any row has a problem, nothing is stored and each problem is listed with its row and column.', { id: 'ws.intake.help' })}
      </p>
      <div class="row">
        <button class="secondary" @click=${() => this._template('xlsx')}>
          ${msg('Template (Excel)', { id: 'ws.intake.xlsx' })}
        </button>
        <button class="secondary" @click=${() => this._template('csv')}>
          ${msg('Template (CSV)', { id: 'ws.intake.csv' })}
        </button>
      </div>
      <form @submit=${this._upload} style="margin-top: 0.75rem">
        <label
          >${msg('Filled-in file (XLSX or CSV)', { id: 'ws.intake.file' })}<input
            name="file"
            type="file"
            accept=".xlsx,.csv"
            required
        /></label>
        <label
          >${msg('Channel', { id: 'ws.intake.channel' })}
          <select name="channel">
            <option value="paper">${msg('Paper', { id: 'ws.intake.paper' })}</option>
            <option value="phone">${msg('Phone', { id: 'ws.intake.phone' })}</option>
          </select></label
        >
        <button type="submit">${msg('Import', { id: 'ws.import' })}</button>
      </form>
      ${problems(this._error)}
      ${this._notice ? html`<p class="ok" role="status">${this._notice}</p>` : nothing}
    </section>`;
  }
}
customElements.define('ws-intake', WsIntake);
