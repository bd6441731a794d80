// What visit mode changes in the flow: where a submission goes, and on a kiosk the reset after each
// submission and after inactivity (visit-mode.ts has the pages).
import type { TemplateResult } from 'lit';
import { setLang } from '#client/src/shared/localize.js';
import { fetchSurvey, type SubmitBody } from './api.js';
import type { Page } from './model.js';
import { keepNothingOnDevice, type SubmitRoute } from './store.js';
import type { SurveyApp } from './survey-app.js';
import {
  centreQuestion,
  fetchVisit,
  KIOSK_IDLE_MS,
  KIOSK_RESET_SECONDS,
  renderPlace,
  renderVisitEntry,
  sendVisit,
  VISIT_TEXT,
  visitStart,
  withoutCentrePage,
} from './visit-mode.js';

/** A centre's link: the centre and today's edition from the token, then that edition's survey. */
export async function loadVisit(app: SurveyApp, token: string): Promise<void> {
  const res = await fetchVisit(token);
  if (!res.ok || res.body.edition === null) {
    app.phase = 'missing';
    app.notice = res.ok ? VISIT_TEXT.noneOpen : (res.messages ?? VISIT_TEXT.badLink);
    return;
  }
  app.slug = res.body.edition;
  if (res.body.kiosk) app.visitKiosk = new KioskSession(app);
  const survey = await fetchSurvey(app.slug);
  if (!survey.ok) {
    app.phase = 'missing';
    app.notice = survey.messages ?? VISIT_TEXT.noneOpen;
    return;
  }
  app.payload = survey.body;
  app.visit = { token, entry: res.body };
  document.title = `${app.t(app.definition.title)} — ${app.t(res.body.centre.name)}`;
  app.phase = 'entry';
  if (!res.body.kiosk) await app.flow.resume(undefined);
}

const centreOf = (app: SurveyApp) =>
  app.visit && centreQuestion(app.definition, app.payload!.units, app.visit.entry.centre.code);

/** The pages without the one that would ask the centre the token names. */
export function visitPages(app: SurveyApp, list: Page[]): Page[] {
  const centre = centreOf(app);
  return centre ? withoutCentrePage(app.definition, list, app.response, centre) : list;
}

export function visitEntryPage(app: SurveyApp): TemplateResult {
  const visit = app.visit!;
  const centre = centreOf(app);
  return renderVisitEntry(visit, app.definition, app.t, () => {
    if (centre) app.flow.start(undefined, visitStart(centre, visit.entry.centre.code));
  });
}

/** The centre line under the header, except on a per-unit page, which names the centre itself. */
export function visitPlace(app: SurveyApp): TemplateResult | undefined {
  const onUnit = app.phase === 'page' && app.pages.find((p) => p.key === app.pageKey)?.kind === 'unit';
  return onUnit ? undefined : renderPlace(app.visit!, app.t);
}

/**
 * Visits go to the token's route with the edition they were loaded from. A 429 (the centre's or
 * this device's limit) is final: retrying in a loop would keep a kiosk on "Sending…" for an hour.
 */
export const visitRoute = (token: string, edition: string): SubmitRoute => ({
  send: (body: SubmitBody) => sendVisit(token, { ...body, edition }),
  retryable: (o) => o.status === 0 || o.status >= 500,
});

/** A kiosk tablet at a centre's exit: keeps nothing, and gives every visitor a fresh form. */
export class KioskSession {
  private resetTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly app: SurveyApp) {
    keepNothingOnDevice();
    for (const type of ['pointerdown', 'keydown', 'input'])
      app.addEventListener(type, () => this.touch(), { capture: true });
  }

  /** Any interaction restarts the idle clock while a form is being filled. */
  touch(): void {
    clearTimeout(this.idleTimer);
    if (this.app.phase === 'page' || this.app.phase === 'review')
      this.idleTimer = setTimeout(() => this.reset(), KIOSK_IDLE_MS);
  }

  afterSubmit(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.resetTimer);
    this.resetTimer = setTimeout(() => this.reset(), KIOSK_RESET_SECONDS * 1000);
  }

  /** Back to the welcome page in Vietnamese, with no answer, error or page left in memory or the URL. */
  reset(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.resetTimer);
    const app = this.app;
    app.response = { answers: {} };
    app.pageKey = undefined;
    app.errors = [];
    app.summary = false;
    app.notice = undefined;
    app.saveStatus = 'idle';
    app.phase = 'entry';
    history.replaceState(null, '', location.pathname);
    document.documentElement.lang = 'vi';
    void setLang('vi');
    void app.focusAfterRender();
  }
}
