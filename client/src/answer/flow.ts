// What the answering pages do on each action: start (a queued submission, a code: code-start.ts), change an
// answer, next/back with validation of the page, review, and submit through the offline queue.
import type { Localized } from '#api/text.js';
import type { AnswerValue, LocatedError, SurveyResponse } from '#surveys/types.js';
import { validateDraftInterpreted, validateResponseInterpreted } from '#surveys/validate-interpreted.js';
import type { checkCode } from './api.js';
import { mergeDraft, resumePoint, startFromLink, startWithCode } from './code-start.js';
import { fields, pruneHidden, withAnswer, withoutPaths, type Field, type Page } from './model.js';
import {
  clearLocal,
  DraftSync,
  loadLocal,
  saveLocal,
  submissionIdOf,
  submitUntilAnswered,
  type LocalState,
} from './store.js';
import type { SurveyApp } from './survey-app.js';
import { visitRoute } from './visit-flow.js';

export class Flow {
  private local: LocalState = { response: { answers: {} }, startedAt: Date.now() };
  private drafts: DraftSync | undefined;

  constructor(private readonly app: SurveyApp) {}

  /** After loading: take a code from the link, or offer to continue what this device kept. */
  async resume(fragmentCode: string | undefined, early?: ReturnType<typeof checkCode>): Promise<void> {
    const kept = loadLocal(this.app.slug);
    if (kept?.submissionId && !kept.done) {
      // A submission was queued when the page closed: send it now.
      this.local = kept;
      this.app.code = kept.code ?? '';
      this.app.response = kept.response;
      this.startSync(kept.code);
      return this.submit();
    }
    if (fragmentCode) {
      this.app.code = fragmentCode;
      // A well-formed code from a link opens the first section now; the check answers in the background.
      if (early && this.app.payload?.edition.window === 'open')
        return startFromLink(this, this.app, fragmentCode, early);
      return startWithCode(this, this.app, early);
    }
    if (kept?.code) this.app.code = kept.code;
  }

  /** Opens the first page (or the kept one); with holdDrafts, nothing goes to the server until adopt(). */
  start(
    code: string | undefined,
    response: SurveyResponse,
    kept?: LocalState,
    { holdDrafts = false } = {},
  ): void {
    const app = this.app;
    this.local = { ...(kept ?? { startedAt: Date.now() }), response, ...(code ? { code } : {}) };
    app.response = pruneHidden(app.definition, app.context, response);
    app.notice = undefined;
    if (holdDrafts) this.stopSync();
    else this.startSync(code);
    saveLocal(app.slug, this.local);
    const first = kept?.page && app.pages.some((p) => p.key === kept.page) ? kept.page : app.pages[0]?.key;
    this.show('page', first, true);
  }

  private startSync(code: string | undefined): void {
    this.drafts?.stop();
    this.drafts = new DraftSync(this.app.slug, code, (s) => (this.app.saveStatus = s));
  }

  private stopSync(): void {
    this.drafts?.stop();
    this.drafts = undefined;
  }

  /** The code check answered after a link opened the survey: take the server's draft in, then save as usual. */
  adopt(code: string, draft: SurveyResponse | undefined): void {
    const app = this.app;
    if (draft) app.response = pruneHidden(app.definition, app.context, mergeDraft(draft, app.response));
    this.startSync(code);
    if (Object.keys(app.response.answers).length > 0 || app.response.units) this.persist();
    if (draft) this.offerResume();
  }

  /** The server refused the code a link carried: back to the code form, with its message. */
  backToEntry(notice: Localized | undefined): void {
    this.stopSync();
    this.show('entry', undefined, true);
    this.app.notice = notice;
    this.app.codeChecked = true;
  }

  /** After a draft was restored: offer its first unfinished page (or the review), if further on. */
  offerResume(): void {
    const app = this.app;
    app.resumeAt = resumePoint(app.pages, app.pageKey, (p) => this.pageErrors(p).length > 0);
  }

  change(field: Field, value: AnswerValue | undefined): void {
    const app = this.app;
    app.response = pruneHidden(app.definition, app.context, withAnswer(app.response, field, value));
    this.persist();
    // Once errors are shown, they follow every change (with the same messages as the server).
    if (app.errors.length > 0) app.errors = this.pageErrors(this.current());
  }

  private persist(): void {
    const app = this.app;
    this.local = { ...this.local, response: app.response, page: app.pageKey };
    saveLocal(app.slug, this.local);
    if (!this.drafts) return; // held until the code check answers (code-start.ts)
    const mistyped = validateDraftInterpreted(app.definition, app.context, app.response).errors;
    this.drafts.schedule(
      withoutPaths(
        app.response,
        mistyped.map((e) => e.path),
      ),
    );
  }

  private current(): Page | undefined {
    const list = this.app.pages;
    return list.find((p) => p.key === this.app.pageKey) ?? list[0];
  }

  /** The validator's errors for the fields shown on a page. */
  pageErrors(page: Page | undefined): LocatedError[] {
    if (!page) return [];
    const app = this.app;
    const all = validateResponseInterpreted(app.definition, app.context, app.response).errors;
    const paths = new Set(fields(app.definition, page, app.response).map((f) => f.path));
    return all.filter((e) => paths.has(e.path));
  }

  async next(): Promise<void> {
    const app = this.app;
    const page = this.current();
    const errors = this.pageErrors(page);
    if (errors.length > 0) {
      app.errors = errors;
      app.summary = true;
      await app.focusAfterRender(errors[0]!.path);
      return;
    }
    const list = app.pages;
    const index = list.findIndex((p) => p.key === page?.key);
    if (index + 1 < list.length) this.show('page', list[index + 1]!.key, true);
    else this.show('review', undefined, true);
  }

  back(): void {
    const list = this.app.pages;
    if (this.app.phase === 'review') return this.show('page', list[list.length - 1]?.key, true);
    const index = list.findIndex((p) => p.key === this.app.pageKey);
    if (index > 0) this.show('page', list[index - 1]!.key, true);
    else this.show('entry', undefined, true);
  }

  goTo(pageKey: string, path?: string): void {
    if (pageKey === 'review') this.show('review', undefined, true);
    else this.show('page', pageKey, true, path);
  }

  private show(
    phase: 'entry' | 'page' | 'review',
    pageKey: string | undefined,
    push: boolean,
    focusPath?: string,
  ): void {
    const app = this.app;
    app.phase = phase;
    app.pageKey = pageKey;
    app.resumeAt = undefined;
    app.errors = [];
    app.summary = false;
    if (phase === 'page') this.persist();
    if (push) {
      const url = new URL(location.href);
      url.searchParams.delete('page');
      if (phase === 'page' && pageKey) url.searchParams.set('page', pageKey);
      if (phase === 'review') url.searchParams.set('page', 'review');
      history.pushState({ page: pageKey ?? phase }, '', url);
    }
    window.scrollTo(0, 0);
    void app.focusAfterRender(focusPath);
  }

  /** Browser back/forward between pages. */
  fromUrl(): void {
    if (this.app.phase !== 'page' && this.app.phase !== 'review') return;
    const key = new URL(location.href).searchParams.get('page');
    if (key === 'review') this.show('review', undefined, false);
    else if (key && this.app.pages.some((p) => p.key === key)) this.show('page', key, false);
    else this.show('entry', undefined, false);
  }

  async submit(): Promise<void> {
    const app = this.app;
    const result = validateResponseInterpreted(app.definition, app.context, app.response);
    if (!result.valid) return this.showErrorsOf(result.errors);
    this.drafts?.stop();
    this.local = { ...this.local, response: app.response, submissionId: submissionIdOf(this.local) };
    saveLocal(app.slug, this.local);
    app.phase = 'sending';
    app.notice = undefined;
    const sent = await submitUntilAnswered(
      app.slug,
      {
        submissionId: this.local.submissionId!,
        ...(this.local.code ? { code: this.local.code } : {}),
        response: app.response,
        durationSeconds: Math.max(0, Math.round((Date.now() - this.local.startedAt) / 1000)),
      },
      (waiting) => (app.waitingOffline = waiting),
      undefined,
      app.visit ? visitRoute(app.visit.token, app.slug) : {},
    );
    app.waitingOffline = false;
    if (sent.ok) {
      clearLocal(app.slug);
      app.saveStatus = 'idle';
      return this.finish();
    }
    const o = sent.outcome;
    if (o.code === 'code_used') {
      clearLocal(app.slug);
      app.phase = 'used';
      return;
    }
    // The request was refused: keep the answers, allow a new attempt with a new id.
    this.local = { ...this.local, submissionId: undefined };
    saveLocal(app.slug, this.local);
    const located = o.details
      .filter((d) => d.path.startsWith('/response/'))
      .map((d) => ({ ...d, path: d.path.slice('/response'.length) }));
    if (located.length > 0) return this.showErrorsOf(located);
    app.phase = 'review';
    app.notice = o.messages ?? {
      vi: 'Gửi không thành công; vui lòng thử lại.',
      en: 'Sending failed; please try again.',
    };
  }

  private finish(): void {
    const app = this.app;
    app.phase = 'done';
    app.visitKiosk?.afterSubmit();
    history.pushState(
      { page: 'done' },
      '',
      location.pathname + location.search.replace(/([?&])page=[^&]*/, '$1').replace(/[?&]$/, ''),
    );
    void app.focusAfterRender();
  }

  /** Opens the first page holding an error, with the summary and focus on the first field. */
  private showErrorsOf(errors: LocatedError[]): void {
    const app = this.app;
    const page = app.pages.find((p) =>
      fields(app.definition, p, app.response).some((f) => errors.some((e) => e.path === f.path)),
    );
    if (!page) {
      app.phase = 'review';
      app.notice = errors[0]?.message;
      return;
    }
    this.show('page', page.key, true);
    app.errors = errors;
    app.summary = true;
    void app.focusAfterRender(
      errors.find((e) => fields(app.definition, page, app.response).some((f) => f.path === e.path))?.path,
    );
  }
}
