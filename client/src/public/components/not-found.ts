import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import type { Lang } from '#api/text.js';

/** The not-found page: what was asked for, and where to go instead. Never a silent default. */
export class NotFound extends LitElement {
  static override properties = { lang: {}, what: {} };
  declare lang: Lang;
  /** What was not found, in words (e.g. a unit code); empty for an unknown address. */
  declare what: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.what = '';
  }

  override render() {
    const home = this.lang === 'en' ? '/?lang=en' : '/';
    return html`<section role="alert" aria-labelledby="nf-title">
      <h1 id="nf-title">${msg('Page not found', { id: 'public.notfound.title' })}</h1>
      <p>
        ${
          this.what
            ? html`${msg('There is nothing published under this address:', { id: 'public.notfound.what' })}
                <code>${this.what}</code>`
            : msg('This address does not lead to a public page.', { id: 'public.notfound.path' })
        }
      </p>
      <p><a href=${home}>${msg('Go to the rankings', { id: 'public.notfound.home' })}</a></p>
    </section>`;
  }

  static override styles = css`
    section {
      padding: 1rem 0;
    }
    h1 {
      font-size: 1.5rem;
    }
    a {
      color: var(--accent);
    }
    code {
      background: #eef2f6;
      padding: 0 0.3rem;
      border-radius: 3px;
    }
  `;
}

customElements.define('ci-not-found', NotFound);

declare global {
  interface HTMLElementTagNameMap {
    'ci-not-found': NotFound;
  }
}
