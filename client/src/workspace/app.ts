import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { Me } from '#api/admin-users.js';
import type { Lang } from '#api/text.js';
import { setLang } from '#client/src/shared/localize.js';
import { call, whoAmI } from './api.js';
import { problems } from './problems.js';
import './login-page.js';
import './users-page.js';
import './audit-page.js';
import './setup-page.js';
import './editions-page.js';
import './edition-page.js';
import './methodology-page.js';
import './centres-page.js';

type View = {
  page: 'editions' | 'edition' | 'setup' | 'users' | 'audit' | 'methodology' | 'centres';
  slug?: string;
  family?: string;
  year?: number;
};

export function parseView(pathname: string, search = ''): View {
  const parts = pathname
    .replace(/^\/admin\/?/, '')
    .split('/')
    .filter(Boolean);
  const q = new URLSearchParams(search);
  if (parts[0] === 'editions' && parts[1]) return { page: 'edition', slug: decodeURIComponent(parts[1]) };
  if (parts[0] === 'methodology' && parts[1] && /^\d{4}$/.test(parts[2] ?? ''))
    return { page: 'methodology', family: decodeURIComponent(parts[1]), year: Number(parts[2]) };
  if (parts[0] === 'setup') return { page: 'setup', family: q.get('family') ?? undefined };
  if (parts[0] === 'users' || parts[0] === 'audit' || parts[0] === 'centres') return { page: parts[0] };
  return { page: 'editions' };
}

const LANG_KEY = 'ws-lang';

/** The workspace shell: who is signed in, navigation, language, and the current page (the URL is the state). */
export class WorkspaceApp extends LitElement {
  static override properties = {
    _me: { state: true },
    _view: { state: true },
    _lang: { state: true },
    _error: { state: true },
    _ready: { state: true },
  };
  declare _me: Me | null;
  declare _view: View;
  declare _lang: Lang;
  declare _error: unknown;
  declare _ready: boolean;

  static override styles = css`
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1.5rem;
      padding: 0.75rem 1rem;
      background: #12324f;
      color: #fff;
    }
    header strong {
      font-size: 1.05rem;
    }
    nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    nav a {
      color: #fff;
      text-decoration: none;
      padding: 0.2rem 0;
      border-bottom: 2px solid transparent;
    }
    nav a[aria-current='page'] {
      border-bottom-color: #f0b400;
    }
    .who {
      margin-left: auto;
      display: flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
    }
    header button {
      font: inherit;
      background: transparent;
      color: #fff;
      border: 1px solid #fff;
      border-radius: 4px;
      padding: 0.2rem 0.6rem;
      cursor: pointer;
    }
    main {
      max-width: 72rem;
      margin: 0 auto;
      padding: 1rem;
    }
    :focus-visible {
      outline: 3px solid #f0b400;
      outline-offset: 2px;
    }
  `;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._me = null;
    this._ready = false;
    this._view = parseView(location.pathname, location.search);
    this._lang = (localStorage.getItem(LANG_KEY) as Lang | null) ?? 'vi';
  }

  private readonly _onPop = () => (this._view = parseView(location.pathname, location.search));
  private readonly _onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a || a.hasAttribute('download') || a.origin !== location.origin || !a.pathname.startsWith('/admin'))
      return;
    e.preventDefault();
    history.pushState(null, '', a.pathname + a.search);
    this._onPop();
  };

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    addEventListener('popstate', this._onPop);
    this.renderRoot.addEventListener('click', this._onClick as EventListener);
    await setLang(this._lang);
    try {
      this._me = await whoAmI();
    } catch (err) {
      this._error = err;
    }
    this._ready = true;
  }

  override disconnectedCallback(): void {
    removeEventListener('popstate', this._onPop);
    super.disconnectedCallback();
  }

  override updated(): void {
    document.documentElement.lang = this._lang;
    document.title = `${msg('Analyst workspace', { id: 'ws.title' })} · DDCI`;
  }

  private async _switchLang(): Promise<void> {
    this._lang = this._lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LANG_KEY, this._lang);
    await setLang(this._lang);
  }

  private async _logout(): Promise<void> {
    await call('POST', '/api/v1/auth/logout').catch(() => undefined);
    this._me = null;
  }

  private _nav() {
    const link = (href: string, page: View['page'][], label: string) =>
      html`<a href=${href} aria-current=${page.includes(this._view.page) ? 'page' : 'false'}>${label}</a>`;
    const isAdmin = this._me?.user.role === 'admin';
    return html`<nav aria-label=${msg('Workspace', { id: 'ws.nav' })}>
      ${link('/admin', ['editions', 'edition', 'methodology'], msg('Survey editions', { id: 'ws.nav.editions' }))}
      ${link('/admin/setup', ['setup'], msg('Units and setup', { id: 'ws.nav.setup' }))}
      ${link('/admin/centres', ['centres'], msg('Centre QR codes', { id: 'ws.nav.centres' }))}
      ${isAdmin ? link('/admin/users', ['users'], msg('Users', { id: 'ws.nav.users' })) : nothing}
      ${this._me?.user.role !== 'viewer' ? link('/admin/audit', ['audit'], msg('Audit log', { id: 'ws.nav.audit' })) : nothing}
    </nav>`;
  }

  private _page() {
    const v = this._view;
    const role = this._me!.user.role;
    switch (v.page) {
      case 'users':
        return html`<ws-users .me=${this._me}></ws-users>`;
      case 'audit':
        return html`<ws-audit></ws-audit>`;
      case 'centres':
        return html`<ws-centres></ws-centres>`;
      case 'setup':
        return html`<ws-setup .family=${v.family} .role=${role}></ws-setup>`;
      case 'methodology':
        return html`<ws-methodology .family=${v.family} .year=${v.year} .role=${role}></ws-methodology>`;
      case 'edition':
        return html`<ws-edition .slug=${v.slug} .role=${role}></ws-edition>`;
      default:
        return html`<ws-editions .role=${role}></ws-editions>`;
    }
  }

  override render() {
    const me = this._me;
    return html`<header>
        <strong>${msg('DDCI analyst workspace', { id: 'ws.brand' })}</strong>
        ${me && !me.user.mustChangePassword ? this._nav() : nothing}
        <div class="who">
          ${me ? html`<span>${me.user.displayName} (${me.user.role})</span>` : nothing}
          <button @click=${this._switchLang} lang=${this._lang === 'vi' ? 'en' : 'vi'}>
            ${this._lang === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          ${me ? html`<button @click=${this._logout}>${msg('Sign out', { id: 'ws.logout' })}</button>` : nothing}
        </div>
      </header>
      <main>
        ${problems(this._error)}
        ${
          !this._ready
            ? html`<p>${msg('Loading…', { id: 'ws.loading' })}</p>`
            : !me
              ? html`<ws-login @signed-in=${(e: CustomEvent<Me>) => (this._me = e.detail)}></ws-login>`
              : me.user.mustChangePassword
                ? html`<ws-login
                    mode="change"
                    @password-changed=${() => (this._me = { ...me, user: { ...me.user, mustChangePassword: false } })}
                  ></ws-login>`
                : this._page()
        }
      </main>`;
  }
}
customElements.define('ci-workspace-app', WorkspaceApp);
