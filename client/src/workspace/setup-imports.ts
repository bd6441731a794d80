import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { FamilyDetail } from '#api/admin-setup.js';
import { currentLang } from '#client/src/shared/localize.js';
import { admin } from './api.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

/** File imports of a family's setup: units and lineage CSV, the 2025 commune table, boundaries. */
export class WsSetupImports extends LitElement {
  static override styles = wsStyles;
  static override properties = {
    family: { attribute: false },
    _error: { state: true },
    _notice: { state: true },
  };
  declare family: FamilyDetail;
  declare _error: unknown;
  declare _notice: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._notice = '';
  }

  private async _send(e: SubmitEvent, work: (f: FormData) => Promise<unknown>): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    try {
      const r = await work(f);
      this._error = undefined;
      this._notice = `${msg('Imported', { id: 'ws.imported' })}: ${JSON.stringify(r)}`;
      this.dispatchEvent(new CustomEvent('changed'));
    } catch (err) {
      this._error = err;
      this._notice = '';
    }
  }

  private _csv(kind: 'units' | 'lineage') {
    const path = `/families/${encodeURIComponent(this.family.code)}/${kind}.csv`;
    const columns =
      kind === 'units'
        ? 'block, code, name_vi, name_en, official_code, valid_from, valid_to'
        : 'event, date, from_block, from_code, to_block, to_code, note_vi, note_en';
    return html`<form
      @submit=${(e: SubmitEvent) => this._send(e, async (f) => admin('POST', path, { file: { data: f.get('file') as File, type: 'text/csv' } }))}
    >
      <label
        >${kind === 'units' ? msg('Units CSV', { id: 'ws.setup.unitsCsv' }) : msg('Lineage CSV', { id: 'ws.setup.lineageCsv' })}
        <input name="file" type="file" accept=".csv,text/csv" required
      /></label>
      <button type="submit">${msg('Import', { id: 'ws.import' })}</button>
      <span class="muted">${msg('Columns', { id: 'ws.columns' })}: <code>${columns}</code></span>
    </form>`;
  }

  private _commune(base: string) {
    return html`<h2>${msg('The 2025 commune table', { id: 'ws.setup.communeTitle' })}</h2>
      <p class="muted">
        ${msg('Creates the province’s new communes and wards (from 1 July 2025), the old units they came from, and the lineage between them, from the national old-to-new table.', { id: 'ws.setup.communeHelp' })}
      </p>
      <form
        @submit=${(e: SubmitEvent) => this._send(e, (f) => admin('POST', `${base}/commune-table`, { body: Object.fromEntries(f) }))}
      >
        <label
          >${msg('Province code (after 1 July 2025)', { id: 'ws.setup.province' })}<input
            name="province"
            required
            pattern="[0-9]{2}"
            value="22"
            size="3"
        /></label>
        <label
          >${msg('Block for new units', { id: 'ws.setup.newBlock' })}<input
            name="newBlock"
            required
            value="localities"
        /></label>
        <label
          >${msg('Block for old units', { id: 'ws.setup.oldBlock' })}<input
            name="oldBlock"
            required
            value="localities-2024"
        /></label>
        <label
          >${msg('Old units are', { id: 'ws.setup.oldLevel' })}
          <select name="oldLevel">
            <option value="commune">${msg('communes and wards', { id: 'ws.setup.levelCommune' })}</option>
            <option value="district">
              ${msg('districts (level change)', { id: 'ws.setup.levelDistrict' })}
            </option>
          </select></label
        >
        <button type="submit">${msg('Import the table', { id: 'ws.setup.communeImport' })}</button>
      </form>`;
  }

  private _boundaries(base: string, lang: 'vi' | 'en') {
    return html`<h2>${msg('Boundaries (GeoJSON)', { id: 'ws.setup.boundaries' })}</h2>
      <form
        @submit=${(e: SubmitEvent) =>
          this._send(e, async (f) => {
            const q = f.get('codeProperty')
              ? `?codeProperty=${encodeURIComponent(String(f.get('codeProperty')))}`
              : '';
            return admin(
              'PUT',
              `${base}/blocks/${encodeURIComponent(String(f.get('block')))}/boundaries${q}`,
              { file: { data: f.get('file') as File, type: 'application/geo+json' } },
            );
          })}
      >
        <label
          >${msg('Block', { id: 'ws.setup.block' })}<select name="block">
            ${this.family.blocks.map((b) => html`<option value=${b.code}>${b.name[lang]}</option>`)}
          </select></label
        >
        <label
          >${msg('Property with the unit code', { id: 'ws.setup.codeProperty' })}<input
            name="codeProperty"
            placeholder="code"
        /></label>
        <label
          >${msg('GeoJSON file', { id: 'ws.setup.geojson' })}<input
            name="file"
            type="file"
            accept=".geojson,.json,application/geo+json"
            required
        /></label>
        <button type="submit">${msg('Upload', { id: 'ws.upload' })}</button>
      </form>`;
  }

  override render() {
    const lang = currentLang();
    const base = `/families/${encodeURIComponent(this.family.code)}`;
    return html`<section class="card">
      <h2>${msg('Import units and lineage', { id: 'ws.setup.imports' })}</h2>
      ${this._csv('units')} ${this._csv('lineage')} ${this._commune(base)} ${this._boundaries(base, lang)}
      ${problems(this._error)}
      ${this._notice ? html`<p class="ok" role="status">${this._notice}</p>` : nothing}
    </section>`;
  }
}
customElements.define('ws-setup-imports', WsSetupImports);
