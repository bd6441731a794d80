import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { FamilyDetail, FamilySummary } from '#api/admin-setup.js';
import type { Role } from '#api/admin-users.js';
import { currentLang } from '#client/src/shared/localize.js';
import { admin } from './api.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';
import './setup-imports.js';

const values = (e: SubmitEvent) =>
  Object.fromEntries([...new FormData(e.target as HTMLFormElement)].filter(([, v]) => v !== ''));

/** A province's own setup: its families, blocks, units and lineage (changes by admins). */
export class WsSetup extends LitElement {
  static override styles = wsStyles;
  static override properties = {
    family: {},
    role: {},
    _families: { state: true },
    _detail: { state: true },
    _error: { state: true },
    _notice: { state: true },
  };
  declare family: string | undefined;
  declare role: Role;
  declare _families: FamilySummary[];
  declare _detail: FamilyDetail | undefined;
  declare _error: unknown;
  declare _notice: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._families = [];
    this._notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._families = (await admin<{ families: FamilySummary[] }>('GET', '/families')).families;
      const code = this.family ?? this._families.find((f) => f.kind === 'ddci')?.code;
      this._detail = code
        ? await admin<FamilyDetail>('GET', `/families/${encodeURIComponent(code)}`)
        : undefined;
    } catch (err) {
      this._error = err;
    }
  }

  private _select(code: string): void {
    this.family = code;
    history.replaceState(null, '', `/admin/setup?family=${encodeURIComponent(code)}`);
    void this._load();
  }

  private async _submit(
    e: SubmitEvent,
    method: string,
    path: string,
    body: unknown,
    notice: string,
    after?: (d: FamilyDetail) => void,
  ) {
    e.preventDefault();
    // Read before awaiting: a retargeted event loses its target once dispatch ends.
    const form = e.target as HTMLFormElement;
    try {
      const d = await admin<FamilyDetail>(method, path, { body });
      this._error = undefined;
      this._notice = notice;
      form.reset();
      after?.(d);
      await this._load();
    } catch (err) {
      this._error = err;
      this._notice = '';
    }
  }

  private _newFamily() {
    return html`<section class="card">
      <h2>${msg('New family (a province’s DDCI)', { id: 'ws.setup.newFamily' })}</h2>
      <form
        @submit=${(e: SubmitEvent) => {
          const v = values(e);
          void this._submit(
            e,
            'POST',
            '/families',
            v,
            msg('Family created.', { id: 'ws.setup.familyCreated' }),
            () => this._select(String(v.code)),
          );
        }}
      >
        <label
          >${msg('Code', { id: 'ws.code' })}<input
            name="code"
            required
            pattern="[a-z0-9][a-z0-9\\-]{1,39}"
            placeholder="ddci-quangninh"
        /></label>
        <label
          >${msg('Name in Vietnamese', { id: 'ws.nameVi' })}<input name="nameVi" required lang="vi"
        /></label>
        <label
          >${msg('Name in English', { id: 'ws.nameEn' })}<input name="nameEn" required lang="en"
        /></label>
        <button type="submit">${msg('Create family', { id: 'ws.setup.createFamily' })}</button>
      </form>
    </section>`;
  }

  private _blocks(d: FamilyDetail) {
    const lang = currentLang();
    const path = `/families/${encodeURIComponent(d.code)}`;
    return html`<section class="card">
      <h2>${msg('Blocks', { id: 'ws.setup.blocks' })}</h2>
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th>${msg('Code', { id: 'ws.code' })}</th>
              <th>${msg('Name', { id: 'ws.name' })}</th>
              <th>${msg('Units', { id: 'ws.setup.units' })}</th>
              <th>${msg('Map', { id: 'ws.setup.map' })}</th>
            </tr>
          </thead>
          <tbody>
            ${d.blocks.map(
              (b) =>
                html`<tr>
                  <td><code>${b.code}</code></td>
                  <td>${b.name[lang]}</td>
                  <td>${b.units}</td>
                  <td>${b.boundaries ? `${b.boundaries.matched}/${b.units}` : '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        this.role === 'admin'
          ? html`<form
              @submit=${(e: SubmitEvent) => void this._submit(e, 'POST', `${path}/blocks`, values(e), msg('Block created.', { id: 'ws.setup.blockCreated' }))}
            >
              <label
                >${msg('Code', { id: 'ws.code' })}<input name="code" required placeholder="departments"
              /></label>
              <label
                >${msg('Name in Vietnamese', { id: 'ws.nameVi' })}<input name="nameVi" required lang="vi"
              /></label>
              <label
                >${msg('Name in English', { id: 'ws.nameEn' })}<input name="nameEn" required lang="en"
              /></label>
              <button type="submit">${msg('Add block', { id: 'ws.setup.addBlock' })}</button>
            </form>`
          : nothing
      }
    </section>`;
  }

  private _unitForm(d: FamilyDetail) {
    const lang = currentLang();
    const path = `/families/${encodeURIComponent(d.code)}`;
    return html`<form
      @submit=${(e: SubmitEvent) => {
        const { block, ...v } = values(e);
        void this._submit(
          e,
          'POST',
          `${path}/blocks/${encodeURIComponent(String(block))}/units`,
          v,
          msg('Unit added.', { id: 'ws.setup.unitCreated' }),
        );
      }}
    >
      <label
        >${msg('Block', { id: 'ws.setup.block' })}<select name="block">
          ${d.blocks.map((b) => html`<option value=${b.code}>${b.name[lang]}</option>`)}
        </select></label
      >
      <label>${msg('Code', { id: 'ws.code' })}<input name="code" required /></label>
      <label
        >${msg('Name in Vietnamese', { id: 'ws.nameVi' })}<input name="nameVi" required lang="vi"
      /></label>
      <label>${msg('Name in English', { id: 'ws.nameEn' })}<input name="nameEn" required lang="en" /></label>
      <label>${msg('Valid from', { id: 'ws.setup.validFrom' })}<input name="validFrom" type="date" /></label>
      <label>${msg('Valid to', { id: 'ws.setup.validTo' })}<input name="validTo" type="date" /></label>
      <button type="submit">${msg('Add unit', { id: 'ws.setup.addUnit' })}</button>
    </form>`;
  }

  private _units(d: FamilyDetail) {
    const lang = currentLang();
    return html`<section class="card">
      <h2>${msg('Units', { id: 'ws.setup.units' })} (${d.units.length})</h2>
      ${this.role === 'admin' && d.blocks.length ? this._unitForm(d) : nothing}
      <div
        class="table-wrap"
        style="max-height: 28rem; overflow-y: auto"
        tabindex="0"
        role="region"
        aria-label=${msg('Units', { id: 'ws.setup.units' })}
      >
        <table>
          <thead>
            <tr>
              <th>${msg('Block', { id: 'ws.setup.block' })}</th>
              <th>${msg('Code', { id: 'ws.code' })}</th>
              <th>${msg('Name', { id: 'ws.name' })}</th>
              <th>${msg('Valid', { id: 'ws.setup.valid' })}</th>
            </tr>
          </thead>
          <tbody>
            ${d.units.map(
              (u) =>
                html`<tr>
                  <td>${u.block}</td>
                  <td><code>${u.code}</code></td>
                  <td>${u.name[lang]}</td>
                  <td>${u.validFrom ?? '…'} – ${u.validTo ?? '…'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="muted">${msg('Lineage events', { id: 'ws.setup.lineage' })}: ${d.lineage.length}</p>
    </section>`;
  }

  override render() {
    const lang = currentLang();
    const d = this._detail;
    return html`<h1>${msg('Units and setup', { id: 'ws.nav.setup' })}</h1>
      ${
        this._families.length
          ? html`<section class="card">
              <label
                >${msg('Family', { id: 'ws.audit.family' })}
                <select @change=${(e: Event) => this._select((e.target as HTMLSelectElement).value)}>
                  ${this._families.map((f) => html`<option value=${f.code} ?selected=${f.code === d?.code}>${f.name[lang]} (${f.code})</option>`)}
                </select>
              </label>
            </section>`
          : html`<p class="muted">
              ${msg('No family yet: create your province’s DDCI below.', { id: 'ws.setup.none' })}
            </p>`
      }
      ${problems(this._error)}
      ${this._notice ? html`<p class="ok" role="status">${this._notice}</p>` : nothing}
      ${d ? this._blocks(d) : nothing}
      ${d && this.role === 'admin' ? html`<ws-setup-imports .family=${d} @changed=${() => this._load()}></ws-setup-imports>` : nothing}
      ${d ? this._units(d) : nothing} ${this.role === 'admin' ? this._newFamily() : nothing}`;
  }
}
customElements.define('ws-setup', WsSetup);
