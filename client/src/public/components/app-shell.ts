import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { Lang } from '#api/text.js';
import { fetchSigningKey } from '#client/src/shared/api.js';
import { setLang } from '#client/src/shared/localize.js';
import { parsePublicPath } from '#api/public-paths.js';
import { parseUrl, switchFamily, toUrl, type ViewState } from '#client/src/public/url-state.js';
import { shellStyles } from './shell-styles.js';
import './not-found.js';
import './ranking-page.js';
import './unit-page.js';
import './compare-page.js';
import './trends-page.js';
import './methodology-page.js';

type StateChange = CustomEvent<{ patch: Partial<ViewState>; replace?: boolean }>;

/**
 * The public site's shell: header, navigation, language switch, footer and the current view. It owns
 * the URL: views report changes with `state-change` events, links inside any view are followed
 * without a reload, and back/forward restore the view.
 */
export class AppShell extends LitElement {
  static override properties = { state: { state: true }, _fingerprint: { state: true } };
  declare state: ViewState;
  /** The URL is the site's root: its ranking page then announces every open survey, not only its family's. */
  private _home = isHome();
  declare _fingerprint: string | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.state = parseUrl(location.href);
  }

  private readonly _onPop = () => {
    this._home = isHome();
    this.state = parseUrl(location.href);
  };

  /** Same-origin links to public pages are followed in place (the URL is the state). */
  private readonly _onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a || a.hasAttribute('download') || a.target || a.origin !== location.origin) return;
    if (/^\/(api|admin|survey|khao-sat)(\/|$)/.test(a.pathname)) return;
    e.preventDefault();
    history.pushState(null, '', a.pathname + a.search);
    this._home = isHome();
    this.state = parseUrl(location.href);
    scrollTo(0, 0);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this._onPop);
    addEventListener('click', this._onClick);
    if (this.state.view !== 'not-found' && !this._home) history.replaceState(null, '', toUrl(this.state));
    fetchSigningKey(this.state.lang)
      .then((k) => (this._fingerprint = k.fingerprint))
      .catch(() => (this._fingerprint = undefined));
  }

  override disconnectedCallback(): void {
    removeEventListener('popstate', this._onPop);
    removeEventListener('click', this._onClick);
    super.disconnectedCallback();
  }

  private _update(patch: Partial<ViewState>, replace = false): void {
    const familyChanged = patch.family !== undefined && patch.family !== this.state.family;
    this.state = familyChanged
      ? { ...switchFamily(this.state, patch.family!), ...patch, sort: 'rank', dir: 'asc' }
      : { ...this.state, ...patch };
    // A language switch and the latest year filled in keep the home page; any other change makes it
    // the ranking page it shows.
    this._home &&= Object.keys(patch).every((k) => k === 'lang' || (replace && k === 'year'));
    const url = this._home ? `/${this.state.lang === 'en' ? '?lang=en' : ''}` : toUrl(this.state);
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  override willUpdate(): void {
    void setLang(this.state.lang);
  }

  override updated(): void {
    document.documentElement.lang = this.state.lang;
    document.title = `${this._viewTitle()} · ${msg('Competitiveness indices', { id: 'public.site.title' })}`;
  }

  private _viewTitle(): string {
    switch (this.state.view) {
      case 'unit':
        return msg('Unit profile', { id: 'public.nav.profile' });
      case 'compare':
        return msg('Compare', { id: 'public.nav.compare' });
      case 'trends':
        return msg('Trends', { id: 'public.nav.trends' });
      case 'methodology':
        return msg('Methodology', { id: 'public.nav.methodology' });
      case 'not-found':
        return msg('Page not found', { id: 'public.notfound.title' });
      default:
        return msg('Ranking', { id: 'public.nav.ranking' });
    }
  }

  private _view() {
    const s = this.state;
    const on = (e: StateChange) => this._update(e.detail.patch, e.detail.replace);
    switch (s.view) {
      case 'ranking':
        return html`<ci-ranking-page .state=${s} .home=${this._home} @state-change=${on}></ci-ranking-page>`;
      case 'unit':
        return html`<ci-unit-page .state=${s} @state-change=${on}></ci-unit-page>`;
      case 'compare':
        return html`<ci-compare-page .state=${s} @state-change=${on}></ci-compare-page>`;
      case 'trends':
        return html`<ci-trends-page .state=${s} @state-change=${on}></ci-trends-page>`;
      case 'methodology':
        return html`<ci-methodology-page .state=${s} @state-change=${on}></ci-methodology-page>`;
      default:
        return html`<ci-not-found .lang=${s.lang}></ci-not-found>`;
    }
  }

  private _nav() {
    const { family, lang, view } = this.state;
    const q = lang === 'en' ? '?lang=en' : '';
    const item = (v: ViewState['view'], href: string, label: string) =>
      html`<a href=${href + q} aria-current=${view === v ? 'page' : 'false'}>${label}</a>`;
    return html`<nav aria-label=${msg('Main', { id: 'public.nav.main' })}>
      ${item('ranking', `/rankings/${family}`, msg('Ranking', { id: 'public.nav.ranking' }))}
      ${item('trends', `/trends/${family}`, msg('Trends', { id: 'public.nav.trends' }))}
      ${item('compare', `/compare/${family}`, msg('Compare', { id: 'public.nav.compare' }))}
      ${item('methodology', `/methodology/${family}`, msg('Methodology', { id: 'public.nav.methodology' }))}
    </nav>`;
  }

  private _langButton(lang: Lang, label: string) {
    return html`<button
      type="button"
      lang=${lang}
      aria-pressed=${this.state.lang === lang}
      @click=${() => this._update({ lang })}
    >
      ${label}
    </button>`;
  }

  override render() {
    if (this.state.embed) return html`<main class="embed">${this._view()}</main>`;
    return html`
      <a class="skip" href="#main">${msg('Skip to content', { id: 'public.skip' })}</a>
      <header>
        <div class="brand">
          <a href=${this.state.lang === 'en' ? '/?lang=en' : '/'} class="title"
            >${msg('Competitiveness indices', { id: 'public.site.title' })}</a
          >
          <span class="subtitle"
            >${msg('PCI and DDCI: rankings, profiles, open data', { id: 'public.site.subtitle' })}</span
          >
        </div>
        ${this._nav()}
        <div class="lang" role="group" aria-label=${msg('Language', { id: 'public.language' })}>
          ${this._langButton('vi', 'Tiếng Việt')} ${this._langButton('en', 'English')}
        </div>
      </header>
      <main id="main" tabindex="-1">${this._view()}</main>
      <footer>
        <p>
          ${msg('Every number on this site comes from a signed, immutable release.', { id: 'public.footer.releases' })}
          ${
            this._fingerprint
              ? html`${msg('Release-signing key fingerprint (SHA-256):', { id: 'public.footer.key' })}
                  <a href="/api/v1/keys/release-signing.pem"><code class="fp">${this._fingerprint}</code></a>`
              : nothing
          }
        </p>
        <p><a href="/api/docs">${msg('API and downloads', { id: 'public.footer.api' })}</a></p>
      </footer>
    `;
  }

  static override styles = shellStyles;
}

function isHome(): boolean {
  return parsePublicPath(location.pathname)?.view === 'home';
}

/** Defines `<ci-app>`, which starts the site: main.ts calls it once the interface catalogue is loaded. */
export function defineApp(): void {
  if (!customElements.get('ci-app')) customElements.define('ci-app', AppShell);
}

declare global {
  interface HTMLElementTagNameMap {
    'ci-app': AppShell;
  }
}
