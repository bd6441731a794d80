// Starting with a code. A typed code is checked first (the respondent pressed "Start" and sees "Checking…").
// The link form (…/khao-sat/<slug>#code=K7Q2-…) opens the first section at once, from the survey inlined in the
// page, and checks the code and fetches its draft meanwhile. The fragment never reaches the server, so the check
// is one more round trip (about 0.7 s on a slow phone network) that the respondent need not wait for: they read
// the introduction first. A refused code goes back to the code form with the server's message, a used one to the
// "already used" page, and a draft from another device fills the answers in (with an offer to continue where it
// left off, see resumePoint). Nothing is saved to the server before the check has answered, so an empty start
// can never overwrite a draft kept there.
import type { CodeCheckPayload } from '#api/collection.js';
import type { Localized } from '#api/text.js';
import type { SurveyResponse } from '#surveys/types.js';
import { checkCode, loadDraft, transient, type Outcome } from './api.js';
import { codeVerdict } from './entry-view.js';
import type { Flow } from './flow.js';
import type { Page } from './model.js';
import { backoff, clearLocal, loadLocal, pause, type LocalState } from './store.js';
import type { SurveyApp } from './survey-app.js';

const compact = (code: string): string => code.replace(/\W/g, '').toUpperCase();

/** What this device kept for the same code, if anything. */
export function keptFor(slug: string, code: string): LocalState | undefined {
  const kept = loadLocal(slug);
  return kept?.code !== undefined && compact(kept.code) === compact(code) ? kept : undefined;
}

/** Asks again, with backoff, while the server cannot be reached or asks to wait (`onWait` is told). */
async function answered<T>(
  ask: () => Promise<Outcome<T>>,
  first?: Promise<Outcome<T>>,
  onWait: () => void = () => {},
): Promise<Outcome<T>> {
  let result = await (first ?? ask());
  for (let attempt = 0; !result.ok && transient(result); attempt++) {
    onWait();
    await pause(backoff(attempt));
    result = await ask();
  }
  return result;
}

/** The draft's answers with what the respondent answered since the page opened on top. */
export function mergeDraft(draft: SurveyResponse, mine: SurveyResponse): SurveyResponse {
  const units: NonNullable<SurveyResponse['units']> = { ...draft.units };
  for (const [block, byUnit] of Object.entries(mine.units ?? {})) {
    units[block] = { ...units[block] };
    for (const [unit, answers] of Object.entries(byUnit))
      units[block][unit] = { ...units[block][unit], ...answers };
  }
  return {
    answers: { ...draft.answers, ...mine.answers },
    ...(Object.keys(units).length > 0 ? { units } : {}),
  };
}

/**
 * Where "continue where you left off" leads: the first page still needing an answer, or the review when
 * none does; undefined when that is not further on than the page shown (`here`).
 */
export function resumePoint(
  pages: readonly Page[],
  here: string | undefined,
  unfinished: (page: Page) => boolean,
): string | undefined {
  const at = pages.findIndex(unfinished);
  const index = at === -1 ? pages.length : at;
  const shown = pages.findIndex((p) => p.key === here);
  return index > Math.max(shown, 0) ? (pages[index]?.key ?? 'review') : undefined;
}

const offlineMessage = (): Localized => ({
  vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.',
  en: 'The server cannot be reached. Please check your connection and try again.',
});

/** "Start" with the code typed into the form (or a link's code on a survey not open now). */
export async function startWithCode(
  flow: Flow,
  app: SurveyApp,
  early?: Promise<Outcome<CodeCheckPayload>>,
): Promise<void> {
  app.codeChecked = true;
  const verdict = codeVerdict(app.code);
  if (!verdict.ok) return;
  app.busy = true;
  try {
    const status = await (early ?? checkCode(app.slug, app.code));
    if (!status.ok) {
      app.notice = status.status === 0 ? offlineMessage() : (status.details[0]?.message ?? status.messages);
      return;
    }
    if (status.body.status === 'used') {
      clearLocal(app.slug);
      app.phase = 'used';
      return;
    }
    const kept = keptFor(app.slug, app.code);
    let response: SurveyResponse = kept?.response ?? { answers: {} };
    let restored = false;
    if (status.body.status === 'draft' && !kept) {
      const draft = await loadDraft(app.slug, app.code);
      if (draft.ok && draft.body.draft) [response, restored] = [draft.body.draft, true];
    }
    flow.start(app.code, response, kept);
    if (restored) flow.offerResume();
  } finally {
    app.busy = false;
  }
}

export function startFromLink(
  flow: Flow,
  app: SurveyApp,
  code: string,
  early: Promise<Outcome<CodeCheckPayload>>,
): void {
  const kept = keptFor(app.slug, code);
  flow.start(code, kept?.response ?? { answers: {} }, kept, { holdDrafts: true });
  void settle(flow, app, code, early, kept !== undefined);
}

async function settle(
  flow: Flow,
  app: SurveyApp,
  code: string,
  early: Promise<Outcome<CodeCheckPayload>>,
  keptHere: boolean,
): Promise<void> {
  // Offline: answering goes on (kept on this device); the header says the server is not reached yet.
  const offline = (): void => void (app.saveStatus = 'offline');
  const reached = (): void => {
    if (app.saveStatus === 'offline') app.saveStatus = 'idle';
  };
  const status = await answered(() => checkCode(app.slug, code), early, offline);
  reached();
  if (app.code !== code || app.phase === 'sending' || app.phase === 'done') return;
  if (!status.ok) return flow.backToEntry(status.details[0]?.message ?? status.messages);
  if (status.body.status === 'used') {
    clearLocal(app.slug);
    app.phase = 'used';
    return;
  }
  let draft: SurveyResponse | undefined;
  // This device's copy is at least as new as the server's draft (it is saved first).
  if (status.body.status === 'draft' && !keptHere) {
    const loaded = await answered(() => loadDraft(app.slug, code), undefined, offline);
    reached();
    if (loaded.ok && loaded.body.draft) draft = loaded.body.draft;
  }
  if (app.code === code) flow.adopt(code, draft);
}
