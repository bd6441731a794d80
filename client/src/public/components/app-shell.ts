import { LitElement, css, html } from 'lit';
import { t, type Lang } from '#client/src/shared/i18n.js';
import { parseUrl, toUrl, type ViewState } from '#client/src/public/url-state.js';
import './ranking-page.js';

/**
 * The public site's shell: header, language switch and the current view. It owns the URL:
 * children report changes with `state-change` events and the shell pushes them into history.
 */
export class AppShell extends LitElement {
  static override properties = { state: { state: true } };
  declare state: ViewState;

  constructor() {
    super();
    this.state = parseUrl(location.href);
  }

  private readonly _onPop = () => {
    this.state = parseUrl(location.href);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this._onPop);
    history.replaceState(null, '', toUrl(this.state));
  }

  override disconnectedCallback(): void {
    removeEventListener('popstate', this._onPop);
    super.disconnectedCallback();
  }

  private _update(patch: Partial<ViewState>, replace = false): void {
    this.state = { ...this.state, ...patch };
    const url = toUrl(this.state);
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  private _setLang(lang: Lang): void {
    this._update({ lang });
  }

  override updated(): void {
    document.documentElement.lang = this.state.lang;
    document.title = `${t(this.state.lang, 'rankingTitle')} · ${t(this.state.lang, 'siteTitle')}`;
  }

  override render() {
    const { lang } = this.state;
    return html`
      <header>
        <div class="brand">
          <a href="/" class="title">${t(lang, 'siteTitle')}</a>
          <span class="subtitle">${t(lang, 'siteSubtitle')}</span>
        </div>
        <div class="lang" role="group" aria-label=${t(lang, 'language')}>
          <button type="button" lang="vi" aria-pressed=${lang === 'vi'} @click=${() => this._setLang('vi')}>
            Tiếng Việt
          </button>
          <button type="button" lang="en" aria-pressed=${lang === 'en'} @click=${() => this._setLang('en')}>
            English
          </button>
        </div>
      </header>
      <main>
        <ci-ranking-page
          .state=${this.state}
          @state-change=${(e: CustomEvent<{ patch: Partial<ViewState>; replace?: boolean }>) => this._update(e.detail.patch, e.detail.replace)}
        ></ci-ranking-page>
      </main>
    `;
  }

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.75rem clamp(0.75rem, 3vw, 2rem);
      background: var(--accent);
      color: var(--accent-ink);
    }
    .brand {
      display: flex;
      flex-direction: column;
    }
    .title {
      color: inherit;
      font-weight: 700;
      font-size: 1.2rem;
      text-decoration: none;
    }
    .subtitle {
      font-size: 0.85rem;
      opacity: 0.85;
    }
    .lang button {
      font: inherit;
      font-size: 0.85rem;
      padding: 0.3rem 0.7rem;
      border: 1px solid rgba(255, 255, 255, 0.7);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    .lang button:first-child {
      border-radius: 4px 0 0 4px;
    }
    .lang button:last-child {
      border-radius: 0 4px 4px 0;
    }
    .lang button[aria-pressed='true'] {
      background: var(--accent-ink);
      color: var(--accent);
      font-weight: 600;
    }
    main {
      padding: clamp(0.75rem, 3vw, 2rem);
      max-width: 1400px;
      margin: 0 auto;
    }
  `;
}

customElements.define('ci-app', AppShell);

declare global {
  interface HTMLElementTagNameMap {
    'ci-app': AppShell;
  }
}
