import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html } from 'lit';
import type { Me } from '#api/admin-users.js';
import { call, signIn } from './api.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';

/** Sign-in form; a user whose password an admin reset then chooses a new one (`mode = change`). */
export class WsLogin extends LitElement {
  static override styles = wsStyles;
  static override properties = { mode: {}, _error: { state: true }, _busy: { state: true } };
  declare mode: 'login' | 'change';
  declare _error: unknown;
  declare _busy: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.mode = 'login';
    this._busy = false;
  }

  private async _login(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    this._busy = true;
    try {
      const me = await signIn(String(f.get('username')), String(f.get('password')));
      this.dispatchEvent(new CustomEvent<Me>('signed-in', { detail: me, bubbles: true, composed: true }));
      this._error = undefined;
    } catch (err) {
      this._error = err;
    } finally {
      this._busy = false;
    }
  }

  private async _change(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    try {
      await call('POST', '/api/v1/auth/password', {
        body: { currentPassword: f.get('current'), newPassword: f.get('next') },
      });
      this.dispatchEvent(new CustomEvent('password-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._error = err;
    }
  }

  override render() {
    if (this.mode === 'change')
      return html`<section class="card">
        <h1>${msg('Choose a new password', { id: 'ws.login.changeTitle' })}</h1>
        <p class="muted">
          ${msg('An administrator reset your password. Choose your own (at least 12 characters) to go on.', { id: 'ws.login.changeHelp' })}
        </p>
        <form @submit=${this._change}>
          <label
            >${msg('Temporary password', { id: 'ws.login.current' })}<input
              name="current"
              type="password"
              autocomplete="current-password"
              required
          /></label>
          <label
            >${msg('New password', { id: 'ws.login.new' })}<input
              name="next"
              type="password"
              autocomplete="new-password"
              minlength="12"
              required
          /></label>
          <button type="submit">${msg('Save', { id: 'ws.save' })}</button>
        </form>
        ${problems(this._error)}
      </section>`;
    return html`<section class="card" style="max-width: 26rem; margin: 2rem auto">
      <h1>${msg('Sign in to the workspace', { id: 'ws.login.title' })}</h1>
      <form @submit=${this._login} style="flex-direction: column; align-items: stretch">
        <label
          >${msg('Username', { id: 'ws.login.username' })}<input
            name="username"
            autocomplete="username"
            required
        /></label>
        <label
          >${msg('Password', { id: 'ws.login.password' })}<input
            name="password"
            type="password"
            autocomplete="current-password"
            required
        /></label>
        <button type="submit" ?disabled=${this._busy}>${msg('Sign in', { id: 'ws.login.submit' })}</button>
      </form>
      ${problems(this._error)}
      <p class="muted">
        ${msg('Accounts are created by an administrator; the first one with npm run create-admin.', { id: 'ws.login.help' })}
      </p>
    </section>`;
  }
}
customElements.define('ws-login', WsLogin);
