// What visit mode changes in the flow: where a submission goes, and on a kiosk the reset after each
// submission and after inactivity (visit-mode.ts has the pages).
import { setLang } from '#client/src/shared/localize.js';
import type { SubmitBody } from './api.js';
import { keepNothingOnDevice, type SubmitRoute } from './store.js';
import type { SurveyApp } from './survey-app.js';
import { KIOSK_IDLE_MS, KIOSK_RESET_SECONDS, sendVisit } from './visit-mode.js';

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
