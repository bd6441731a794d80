import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import type { Ranking } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { publicPath } from '#api/public-paths.js';

/** An iframe snippet pinned to the release the view was read from, so an embed never changes under a reader. */
export class EmbedSnippet extends LitElement {
  static override properties = { ranking: { attribute: false }, lang: {} };
  declare ranking: Ranking;
  declare lang: Lang;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  snippet(): string {
    const r = this.ranking;
    const q = new URLSearchParams({ block: r.block.code, release: r.release.id, embed: '1' });
    if (this.lang === 'en') q.set('lang', 'en');
    const src = `${location.origin}${publicPath({ view: 'ranking', family: r.family.code, year: r.year })}?${q}`;
    const title = `${r.family.name[this.lang]} ${r.year} · ${r.block.name[this.lang]}`;
    return `<iframe src="${src}" title="${title}" loading="lazy" width="100%" height="720" style="border:0"></iframe>`;
  }

  override render() {
    return html`<details>
      <summary>${msg('Embed this ranking', { id: 'public.embed.title' })}</summary>
      <label for="code"
        >${msg('Copy this code into your page. It is pinned to this release.', { id: 'public.embed.note' })}</label
      >
      <textarea id="code" readonly rows="3" .value=${this.snippet()}></textarea>
    </details>`;
  }

  static override styles = css`
    details {
      margin: 0.5rem 0;
      font-size: 0.85rem;
    }
    summary {
      cursor: pointer;
      color: var(--accent);
    }
    summary:focus-visible,
    textarea:focus-visible {
      outline: 3px solid var(--accent);
    }
    label {
      display: block;
      margin: 0.3rem 0;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      font:
        0.8rem ui-monospace,
        monospace;
    }
  `;
}

customElements.define('ci-embed-snippet', EmbedSnippet);

declare global {
  interface HTMLElementTagNameMap {
    'ci-embed-snippet': EmbedSnippet;
  }
}
