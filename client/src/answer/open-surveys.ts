// <ci-open-surveys>: the survey editions open today, with their window and a link to answer; a demo
// edition also offers a few try-it codes, marked as demo. Small, so the public pages can place it
// (home page, a family's pages: `family` filters by family code; `announce` adds a heading and shows
// nothing at all when no survey is open, so a page without one is not cluttered).
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { OpenSurvey } from '#api/open-surveys.js';
import { currentLang } from '#client/src/shared/localize.js';
import { formatDate } from '#client/src/shared/i18n.js';
import { fetchOpenSurveys } from './api.js';

/** The answering page of an edition, under the Vietnamese alias when the page is in Vietnamese. */
export const surveyHref = (slug: string, code?: string): string =>
  `/${currentLang() === 'vi' ? 'khao-sat' : 'survey'}/${encodeURIComponent(slug)}${currentLang() === 'en' ? '?lang=en' : ''}${code ? `#code=${code}` : ''}`;

export class OpenSurveys extends LitElement {
  static override properties = { family: {}, announce: { type: Boolean }, surveys: { state: true } };
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 12px;
    }
    li {
      background: var(--card, #fff);
      border: 1px solid var(--line, #dde3ea);
      border-radius: 8px;
      padding: 12px 14px;
    }
    h2 {
      margin: 0 0 8px;
      font-size: 1.1rem;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 17px;
    }
    p {
      margin: 4px 0;
    }
    .muted {
      color: var(--muted, #5b6675);
    }
    a.button {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 8px 16px;
      border-radius: 6px;
      background: var(--accent, #0b5cab);
      color: #fff;
      text-decoration: none;
      font-weight: 600;
    }
    .demo {
      border-left: 4px solid #8a4b00;
      padding-left: 10px;
      margin-top: 8px;
    }
    .demo a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      margin-right: 12px;
      font-family: ui-monospace, Menlo, monospace;
      color: var(--accent, #0b5cab);
    }
    a:focus-visible {
      outline: 3px solid #f2b705;
      outline-offset: 2px;
    }
  `;

  /** Only this family's editions (a family code), or all when unset. */
  declare family: string | undefined;
  /** A public page's announcement: headed, and absent when nothing is open. */
  declare announce: boolean;
  declare surveys: OpenSurvey[] | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.announce = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void fetchOpenSurveys().then((r) => (this.surveys = r.ok ? r.body.surveys : []));
  }

  private item(s: OpenSurvey): TemplateResult {
    const lang = currentLang();
    const date = (iso: string): string => formatDate(lang, iso);
    return html`<li>
      <h3>${s.title[lang]}</h3>
      <p class="muted">
        ${s.family.name[lang]} ·
        ${msg(str`Open from ${date(s.opensOn)} to ${date(s.closesOn)}`, { id: 'answer.open.window' })}
      </p>
      <p>
        ${msg('Asked: businesses that dealt with the rated departments and local governments in the last 12 months.', { id: 'answer.open.who' })}
      </p>
      <p>
        <a class="button" href=${surveyHref(s.slug)}
          >${msg('Answer the survey', { id: 'answer.open.link' })}</a
        >
      </p>
      ${
        s.demoCodes && s.demoCodes.length > 0
          ? html`<div class="demo">
              <p>
                <strong>${msg('Demo', { id: 'answer.open.demo' })}:</strong>
                ${msg('fictional province; try the survey with one of these demo codes:', { id: 'answer.open.demo-codes' })}
              </p>
              ${s.demoCodes.map((c) => html`<a href=${surveyHref(s.slug, c)}>${c}</a>`)}
            </div>`
          : nothing
      }
    </li>`;
  }

  override render(): TemplateResult {
    if (!this.surveys) return html``;
    const list = this.surveys.filter((s) => !this.family || s.family.code === this.family);
    if (list.length === 0 && this.announce) return html``;
    if (list.length === 0)
      return html`<p class="muted">
        ${msg('No survey is open at the moment.', { id: 'answer.open.none' })}
      </p>`;
    const items = html`<ul>
      ${list.map((s) => this.item(s))}
    </ul>`;
    if (!this.announce) return items;
    return html`<section aria-labelledby="open-surveys-title">
      <h2 id="open-surveys-title">${msg('Surveys open now', { id: 'answer.missing.title' })}</h2>
      ${items}
    </section>`;
  }
}

if (!customElements.get('ci-open-surveys')) customElements.define('ci-open-surveys', OpenSurveys);

declare global {
  interface HTMLElementTagNameMap {
    'ci-open-surveys': OpenSurveys;
  }
}
