// <ci-survey-app>: the answering pages at /survey/:slug and /khao-sat/:slug. Holds the response and
// moves between entry, question pages, review, sending and confirmation; every change is pruned
// of hidden answers, stored locally, and saved as the server draft.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { SurveyEditionPayload } from '#api/collection.js';
import type { Lang, Localized } from '#api/text.js';
import type { EditionContext, LocatedError, SurveyDefinition, SurveyResponse } from '#surveys/types.js';
import { currentLang, setLang } from '#client/src/shared/localize.js';
import { formatDate, formatNumber } from '#client/src/shared/i18n.js';
import { checkCode, fetchSurvey } from './api.js';
import { codeVerdict, renderEntry, takeCodeFromFragment } from './entry-view.js';
import { startWithCode } from './code-start.js';
import { Flow } from './flow.js';
import { pages, progress, type Field, type Page } from './model.js';
import { renderHeader } from './header-view.js';
import { focusField, renderPage } from './page-view.js';
import { renderResumeOffer } from './resume-view.js';
import { renderDone, renderReview, renderUsed } from './review-view.js';
import { type SaveStatus } from './store.js';
import { surveyStyles } from './styles.js';
import './open-surveys.js';
import { loadVisit, visitEntryPage, visitPages, visitPlace, type KioskSession } from './visit-flow.js';
import {
  renderVisitDone,
  renderVisitProblem,
  visitStyles,
  visitTokenOf,
  type VisitMode,
} from './visit-mode.js';

export type Phase = 'loading' | 'missing' | 'entry' | 'page' | 'review' | 'sending' | 'done' | 'used';

const STATE = { state: true } as const;

export class SurveyApp extends LitElement {
  static override styles = [surveyStyles, visitStyles];
  static override properties = {
    phase: STATE,
    payload: STATE,
    response: STATE,
    pageKey: STATE,
    errors: STATE,
    summary: STATE,
    saveStatus: STATE,
    code: STATE,
    codeChecked: STATE,
    busy: STATE,
    notice: STATE,
    waitingOffline: STATE,
    visit: STATE,
    resumeAt: STATE,
  };

  declare phase: Phase;
  declare payload: SurveyEditionPayload | undefined;
  declare response: SurveyResponse;
  declare pageKey: string | undefined;
  declare errors: LocatedError[];
  /** Errors are listed at the top (after a failed "Next" or submit). */
  declare summary: boolean;
  declare saveStatus: SaveStatus;
  declare code: string;
  declare codeChecked: boolean;
  declare busy: boolean;
  declare notice: Localized | undefined;
  declare waitingOffline: boolean;
  /** Set when the page was opened from a centre's link or QR code (visit-mode.ts). */
  declare visit: VisitMode | undefined;
  /** A restored draft got further than this page: the page key (or 'review') the offer leads to. */
  declare resumeAt: string | undefined;
  visitKiosk: KioskSession | undefined;

  readonly flow = new Flow(this);
  slug = '';

  constructor() {
    super();
    this.phase = 'loading';
    this.response = { answers: {} };
    this.errors = [];
    this.summary = false;
    this.saveStatus = 'idle';
    this.code = '';
    this.codeChecked = false;
    this.busy = false;
    this.waitingOffline = false;
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const lang = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('ci-lang') ?? 'vi';
    void setLang(lang === 'en' ? 'en' : 'vi');
    this.slug = decodeURIComponent(location.pathname.split('/')[2] ?? '');
    window.addEventListener('popstate', () => this.flow.fromUrl());
    void this.load();
  }

  private async load(): Promise<void> {
    const token = visitTokenOf(location.pathname);
    if (token) return loadVisit(this, token);
    if (!this.slug) {
      this.phase = 'missing';
      return;
    }
    // A code from the link is checked while the survey loads: one round trip less on a slow network.
    const fragment = takeCodeFromFragment();
    const early = fragment && codeVerdict(fragment).ok ? checkCode(this.slug, fragment) : undefined;
    const res = await fetchSurvey(this.slug);
    if (!res.ok) {
      this.phase = 'missing';
      this.notice = res.messages;
      return;
    }
    this.payload = res.body;
    document.title = this.t(this.definition.title);
    this.phase = 'entry';
    await this.flow.resume(fragment, early);
  }

  get definition(): SurveyDefinition {
    return this.payload!.definition as SurveyDefinition;
  }

  get context(): EditionContext {
    return {
      units: Object.fromEntries(
        Object.entries(this.payload!.units).map(([b, l]) => [b, l.map((u) => u.code)]),
      ),
    };
  }

  get pages(): Page[] {
    const list = pages(this.definition, this.context, this.response);
    return this.visit ? visitPages(this, list) : list;
  }

  t = (text: Localized): string => text[currentLang()];

  unitName = (block: string, code: string): string => {
    const u = this.payload?.units[block]?.find((x) => x.code === code);
    return u ? this.t(u.name) : code;
  };

  units = (block: string): Array<{ code: string; name: string }> =>
    (this.payload?.units[block] ?? []).map((u) => ({ code: u.code, name: this.t(u.name) }));

  /** Focuses the page heading (or the first error) once the new page is rendered. */
  async focusAfterRender(path?: string): Promise<void> {
    await this.updateComplete;
    if (path) focusField(undefined, path, this.shadowRoot);
    else this.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  private async switchLang(lang: Lang): Promise<void> {
    if (!this.visitKiosk) localStorage.setItem('ci-lang', lang);
    await setLang(lang);
    const url = new URL(location.href);
    if (lang === 'vi') url.searchParams.delete('lang');
    else url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
    document.documentElement.lang = lang;
    if (this.payload) document.title = this.t(this.definition.title);
  }

  private renderBody(): TemplateResult {
    const date = (iso: string): string => formatDate(currentLang(), iso);
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${msg('Loading the survey…', { id: 'answer.loading' })}</p>`;
      case 'missing':
        if (visitTokenOf(location.pathname)) return renderVisitProblem(this.notice, this.t);
        return html`<h1 tabindex="-1">${msg('Surveys open now', { id: 'answer.missing.title' })}</h1>
          ${this.notice ? html`<p class="notice" role="status">${this.t(this.notice)}</p>` : nothing}
          <ci-open-surveys></ci-open-surveys>`;
      case 'entry':
        if (this.visit) return visitEntryPage(this);
        return renderEntry({
          payload: this.payload!,
          t: this.t,
          date,
          code: this.code,
          checked: this.codeChecked,
          busy: this.busy,
          serverError: this.notice,
          onInput: (c) => {
            this.code = c;
            this.codeChecked = false;
            this.notice = undefined;
          },
          onSubmit: () => void startWithCode(this.flow, this),
          onOpenMode: () => this.flow.start(undefined, { answers: {} }),
        });
      case 'page':
        return html`${this.renderResume()}${this.renderCurrentPage()}`;
      case 'review':
        return renderReview(this.reviewView(), () => void this.flow.submit(), this.sendingNotice());
      case 'sending':
        // Nothing can be edited while the submission is on its way (the retry must send the same answers).
        return html`<h1 tabindex="-1">${msg('Submit', { id: 'answer.submit' })}</h1>
          ${this.sendingNotice()}`;
      case 'done':
        return this.visit
          ? renderVisitDone(this.visit, this.t, () => this.visitKiosk?.reset())
          : renderDone();
      case 'used':
        return renderUsed();
    }
  }

  private renderResume(): TemplateResult | typeof nothing {
    const at = this.resumeAt;
    const page = this.pages.find((p) => p.key === at);
    if (!at || (!page && at !== 'review')) return nothing;
    const where = page
      ? this.reviewView().pageTitle(page)
      : msg('Check your answers', { id: 'answer.review.title' });
    return renderResumeOffer(where, () => this.flow.goTo(at));
  }

  private sendingNotice(): TemplateResult | typeof nothing {
    if (this.notice && this.phase === 'review')
      return html`<p class="notice" role="alert">${this.t(this.notice)}</p>`;
    if (this.phase !== 'sending') return nothing;
    return html`<p class="notice" role="status">
      ${
        this.waitingOffline
          ? msg(
              'You are offline. Your answers are kept on this device and will be sent automatically when the connection is back.',
              { id: 'answer.sending.offline' },
            )
          : msg('Sending…', { id: 'answer.sending' })
      }
    </p>`;
  }

  reviewView() {
    return {
      definition: this.definition,
      pages: this.pages,
      response: this.response,
      t: this.t,
      number: (n: number) => formatNumber(currentLang(), n, Number.isInteger(n) ? 0 : 2),
      unitName: this.unitName,
      pageTitle: (page: Page) =>
        page.kind === 'unit'
          ? `${this.t(page.section.title)} — ${this.unitName(page.block, page.unit)}`
          : this.t(page.section.title),
      onEdit: (page: Page, field: Field) => this.flow.goTo(page.key, field.path),
    };
  }

  private renderCurrentPage(): TemplateResult {
    const list = this.pages;
    const index = Math.max(
      0,
      list.findIndex((p) => p.key === this.pageKey),
    );
    const page = list[index];
    if (!page) return html`<p>${msg('This survey has no questions.', { id: 'answer.empty' })}</p>`;
    return renderPage({
      definition: this.definition,
      page,
      index,
      count: list.length,
      response: this.response,
      errors: this.errors,
      summary: this.summary,
      t: this.t,
      unitName: this.unitName,
      units: this.units,
      onChange: (field, value) => this.flow.change(field, value as never),
      onBack: () => this.flow.back(),
      onNext: () => void this.flow.next(),
      isLast: index === list.length - 1,
    });
  }

  override render(): TemplateResult {
    return html`${renderHeader({
        title: this.payload ? this.t(this.definition.title) : undefined,
        progress:
          this.phase === 'page' || this.phase === 'review'
            ? progress(this.definition, this.context, this.response)
            : undefined,
        status: this.saveStatus,
        waitingOffline: this.waitingOffline,
        onLang: (l) => void this.switchLang(l),
      })}
      <main lang=${currentLang()}>${this.visit ? visitPlace(this) : nothing}${this.renderBody()}</main>`;
  }
}

customElements.define('ci-survey-app', SurveyApp);

declare global {
  interface HTMLElementTagNameMap {
    'ci-survey-app': SurveyApp;
  }
}
