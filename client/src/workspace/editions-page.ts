import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { EditionState, EditionSummary } from '#api/admin-editions.js';
import type { FamilyDetail, FamilySummary } from '#api/admin-setup.js';
import type { Role } from '#api/admin-users.js';
import { currentLang } from '#client/src/shared/localize.js';
import { shippedDefinitions } from '#surveys/shipped.js';
import type { SurveyDefinition } from '#surveys/types.js';
import { admin } from './api.js';
import { formatDate } from './format.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

export const stateLabel = (s: EditionState): string =>
  ({
    draft: msg('Draft', { id: 'ws.state.draft' }),
    open: msg('Open', { id: 'ws.state.open' }),
    closed: msg('Closed', { id: 'ws.state.closed' }),
    archived: msg('Archived', { id: 'ws.state.archived' }),
  })[s];

/** Survey editions: the list, and a new edition created as a draft. */
export class WsEditions extends LitElement {
  static override styles = wsStyles;
  static override properties = {
    role: {},
    _editions: { state: true },
    _families: { state: true },
    _error: { state: true },
  };
  declare role: Role;
  declare _editions: EditionSummary[];
  declare _families: FamilySummary[];
  declare _error: unknown;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._editions = [];
    this._families = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._editions = (await admin<{ editions: EditionSummary[] }>('GET', '/survey-editions')).editions;
      this._families = (await admin<{ families: FamilySummary[] }>('GET', '/families')).families.filter(
        (f) => f.kind === 'ddci',
      );
    } catch (err) {
      this._error = err;
    }
  }

  /** The request: the chosen definition for the year, and every unit of the family's block of each definition block. */
  private async _create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    try {
      const year = Number(f.get('year'));
      const file = f.get('definitionFile') as File | null;
      const base: SurveyDefinition =
        file && file.size ? JSON.parse(await file.text()) : shippedDefinitions[String(f.get('definition'))]!;
      const definition = { ...base, edition: year };
      const family = await admin<FamilyDetail>(
        'GET',
        `/families/${encodeURIComponent(String(f.get('family')))}`,
      );
      const units = Object.fromEntries(
        definition.blocks.map((b) => [
          b.key,
          family.units.filter((u) => u.block === b.key).map((u) => u.code),
        ]),
      );
      await admin('POST', '/survey-editions', {
        body: {
          family: family.code,
          year,
          definition,
          opensOn: f.get('opensOn'),
          closesOn: f.get('closesOn'),
          openMode: f.get('openMode') === 'on',
          units,
          draft: true,
        },
      });
      this._error = undefined;
      await this._load();
    } catch (err) {
      this._error = err;
    }
  }

  private _form() {
    const lang = currentLang();
    const year = new Date().getFullYear();
    return html`<section class="card">
      <h2>${msg('New survey edition (draft)', { id: 'ws.editions.new' })}</h2>
      <form @submit=${this._create}>
        <label
          >${msg('Family', { id: 'ws.audit.family' })}<select name="family">
            ${this._families.map((f) => html`<option value=${f.code}>${f.name[lang]}</option>`)}
          </select></label
        >
        <label
          >${msg('Year', { id: 'ws.year' })}<input
            name="year"
            type="number"
            min="2000"
            max="2100"
            value=${year}
            required
        /></label>
        <label
          >${msg('Questionnaire', { id: 'ws.editions.definition' })}<select name="definition">
            ${Object.values(shippedDefinitions).map((d) => html`<option value=${d.id}>${d.id}</option>`)}
          </select></label
        >
        <label
          >${msg('…or a definition file (JSON)', { id: 'ws.editions.definitionFile' })}<input
            name="definitionFile"
            type="file"
            accept=".json,application/json"
        /></label>
        <label
          >${msg('Opens on', { id: 'ws.editions.opensOn' })}<input
            name="opensOn"
            type="date"
            value=${`${year}-01-01`}
            required
        /></label>
        <label
          >${msg('Closes on', { id: 'ws.editions.closesOn' })}<input
            name="closesOn"
            type="date"
            value=${`${year}-12-31`}
            required
        /></label>
        <label style="flex-direction: row; align-items: center"
          ><input name="openMode" type="checkbox" />
          ${msg('Also accept answers without a code', { id: 'ws.editions.openMode' })}</label
        >
        <button type="submit">${msg('Create draft', { id: 'ws.editions.create' })}</button>
      </form>
    </section>`;
  }

  override render() {
    return html`<h1>${msg('Survey editions', { id: 'ws.nav.editions' })}</h1>
      ${problems(this._error)}
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th>${msg('Edition', { id: 'ws.edition' })}</th>
              <th>${msg('State', { id: 'ws.users.state' })}</th>
              <th>${msg('Window', { id: 'ws.editions.window' })}</th>
              <th>${msg('Codes issued / used', { id: 'ws.editions.codes' })}</th>
              <th>${msg('Responses', { id: 'ws.editions.responses' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this._editions.map(
              (e) =>
                html`<tr>
                  <td><a href=${`/admin/editions/${encodeURIComponent(e.slug)}`}>${e.slug}</a></td>
                  <td>${stateLabel(e.state)}</td>
                  <td>${formatDate(e.opensOn)} – ${formatDate(e.closesOn)}</td>
                  <td>${e.codes.issued} / ${e.codes.used}</td>
                  <td>${e.responses}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.role !== 'viewer' ? this._form() : nothing}`;
  }
}
customElements.define('ws-editions', WsEditions);
