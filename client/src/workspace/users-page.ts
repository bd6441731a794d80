import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html } from 'lit';
import type { Me, Role, UserSummary } from '#api/admin-users.js';
import { formatDate } from './format.js';
import { admin } from './api.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

const roleLabel = (r: Role): string =>
  ({
    admin: msg('Administrator', { id: 'ws.role.admin' }),
    analyst: msg('Analyst', { id: 'ws.role.analyst' }),
    viewer: msg('Viewer (read only)', { id: 'ws.role.viewer' }),
  })[r];

/** Accounts (admins only): create, change role, disable, reset a password. */
export class WsUsers extends LitElement {
  static override styles = wsStyles;
  static override properties = {
    me: { attribute: false },
    _users: { state: true },
    _error: { state: true },
    _notice: { state: true },
  };
  declare me: Me;
  declare _users: UserSummary[];
  declare _error: unknown;
  declare _notice: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._users = [];
    this._notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._users = (await admin<{ users: UserSummary[] }>('GET', '/users')).users;
    } catch (err) {
      this._error = err;
    }
  }

  private async _run(work: () => Promise<unknown>, notice: string): Promise<void> {
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

  private _create(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const body = {
      username: f.get('username'),
      displayName: f.get('displayName'),
      role: f.get('role'),
      password: f.get('password'),
    };
    void this._run(
      async () => {
        await admin('POST', '/users', { body });
        form.reset();
      },
      msg('Account created.', { id: 'ws.users.created' }),
    );
  }

  private _reset(u: UserSummary): void {
    const password = prompt(
      msg('Temporary password for this account (at least 12 characters):', { id: 'ws.users.resetPrompt' }),
    );
    if (!password) return;
    void this._run(
      () => admin('POST', `/users/${u.id}/password`, { body: { password } }),
      msg('Password reset; it must be changed at the next sign-in.', { id: 'ws.users.resetDone' }),
    );
  }

  private _row(u: UserSummary) {
    const self = u.id === this.me.user.id;
    return html`<tr>
      <td>${u.username}</td>
      <td>${u.displayName}</td>
      <td>
        <label
          ><span class="muted">${msg('Role', { id: 'ws.users.role' })}</span>
          <select
            ?disabled=${self}
            @change=${(e: Event) => void this._run(() => admin('PATCH', `/users/${u.id}`, { body: { role: (e.target as HTMLSelectElement).value } }), msg('Role changed.', { id: 'ws.users.roleDone' }))}
          >
            ${(['admin', 'analyst', 'viewer'] as Role[]).map((r) => html`<option value=${r} ?selected=${r === u.role}>${roleLabel(r)}</option>`)}
          </select></label
        >
      </td>
      <td>
        ${u.disabled ? msg('Disabled', { id: 'ws.users.disabled' }) : u.lockedUntil ? msg('Locked', { id: 'ws.users.locked' }) : msg('Active', { id: 'ws.users.active' })}
      </td>
      <td>${formatDate(u.createdAt)}</td>
      <td class="row">
        <button class="secondary" @click=${() => this._reset(u)}>
          ${msg('Reset password', { id: 'ws.users.reset' })}
        </button>
        ${
          self
            ? ''
            : html`<button
                class="secondary"
                @click=${() => void this._run(() => admin('PATCH', `/users/${u.id}`, { body: { disabled: !u.disabled } }), msg('Saved.', { id: 'ws.saved' }))}
              >
                ${u.disabled ? msg('Enable', { id: 'ws.users.enable' }) : msg('Disable', { id: 'ws.users.disable' })}
              </button>`
        }
      </td>
    </tr>`;
  }

  override render() {
    return html`<h1>${msg('Users', { id: 'ws.nav.users' })}</h1>
      <section class="card">
        <h2>${msg('New account', { id: 'ws.users.new' })}</h2>
        <form @submit=${this._create}>
          <label
            >${msg('Username', { id: 'ws.login.username' })}<input
              name="username"
              required
              pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{1,39}"
          /></label>
          <label>${msg('Full name', { id: 'ws.users.displayName' })}<input name="displayName" /></label>
          <label
            >${msg('Role', { id: 'ws.users.role' })}
            <select name="role">
              ${(['analyst', 'viewer', 'admin'] as Role[]).map((r) => html`<option value=${r}>${roleLabel(r)}</option>`)}
            </select></label
          >
          <label
            >${msg('Initial password', { id: 'ws.users.password' })}<input
              name="password"
              type="password"
              minlength="12"
              autocomplete="new-password"
              required
          /></label>
          <button type="submit">${msg('Create account', { id: 'ws.users.create' })}</button>
        </form>
      </section>
      ${problems(this._error)} ${this._notice ? html`<p class="ok" role="status">${this._notice}</p>` : ''}
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th>${msg('Username', { id: 'ws.login.username' })}</th>
              <th>${msg('Full name', { id: 'ws.users.displayName' })}</th>
              <th>${msg('Role', { id: 'ws.users.role' })}</th>
              <th>${msg('State', { id: 'ws.users.state' })}</th>
              <th>${msg('Created', { id: 'ws.users.createdAt' })}</th>
              <th>${msg('Actions', { id: 'ws.actions' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this._users.map((u) => this._row(u))}
          </tbody>
        </table>
      </div>`;
  }
}
customElements.define('ws-users', WsUsers);
