// Entry per visit at a service centre (issue #15): `/khao-sat/visit/<token>` carries a signed centre
// token instead of a survey code. The page shows the centre's name, fills in the centre question and
// hides it, and submits through POST /api/v1/visit/<token>/responses (the same anonymous path). On a
// kiosk tablet (the token says so) nothing is kept on the device — no localStorage, sessionStorage
// or draft — and the form resets after each submission and after two idle minutes.
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Localized } from '#api/text.js';
import type { VisitEntryPayload } from '#api/visit.js';
import type { SurveyDefinition, SurveyResponse, UnitsQuestion } from '#surveys/types.js';
import { call, type Outcome } from './api.js';
import { fields, type Page } from './model.js';

export interface VisitMode {
  token: string;
  entry: VisitEntryPayload;
}

/** Seconds the thank-you page stays on a kiosk before the next visitor's form. */
export const KIOSK_RESET_SECONDS = 8;
/** An abandoned kiosk form is cleared after this much inactivity, so the next visitor never sees it. */
export const KIOSK_IDLE_MS = 120_000;

/** The centre line under the header: always visible, so the visitor knows which place they rate. */
export const visitStyles = css`
  .visit-place {
    margin: 0 0 8px;
    padding: 8px 12px;
    border-left: 4px solid var(--accent, #0b5cad);
    background: var(--card, #fff);
    font-size: 15px;
  }
`;

/** Fallbacks where the server gave no message of its own (kept bilingual, like the server's). */
export const VISIT_TEXT = {
  badLink: { vi: 'Đường dẫn không hợp lệ', en: 'This link is not valid' },
  noneOpen: {
    vi: 'Hiện chưa có đợt khảo sát nào đang mở tại trung tâm này. Cảm ơn Anh/Chị đã quan tâm.',
    en: 'No survey is open at this centre right now. Thank you for your interest.',
  },
} satisfies Record<string, Localized>;

/** The token of a `/khao-sat/visit/<token>` or `/survey/visit/<token>` path. */
export function visitTokenOf(pathname: string): string | undefined {
  const [, root, kind, token] = pathname.split('/');
  return (root === 'khao-sat' || root === 'survey') && kind === 'visit' && token
    ? decodeURIComponent(token)
    : undefined;
}

const base = (token: string): string => `/api/v1/visit/${encodeURIComponent(token)}`;

export const fetchVisit = (token: string): Promise<Outcome<VisitEntryPayload>> =>
  call<VisitEntryPayload>('GET', base(token));

export const sendVisit = (token: string, body: Record<string, unknown>) =>
  call<{ status: 'accepted' }>('POST', `${base(token)}/responses`, body);

/** The definition's units question of the centre's block (CENTRE in sipas-visit-2026). */
export function centreQuestion(
  definition: SurveyDefinition,
  units: Record<string, Array<{ code: string }>>,
  code: string,
) {
  for (const section of definition.sections)
    for (const q of section.questions)
      if (q.type === 'units' && units[q.block]?.some((u) => u.code === code)) return q as UnitsQuestion;
  return undefined;
}

/** The first answers of a visit: the centre, already chosen. */
export const visitStart = (question: UnitsQuestion, code: string): SurveyResponse => ({
  answers: { [question.code]: [code] },
});

/** Pages without the ones that would only ask the centre the token already names. */
export function withoutCentrePage(
  definition: SurveyDefinition,
  list: Page[],
  response: SurveyResponse,
  question: UnitsQuestion,
): Page[] {
  const centrePath = `/answers/${question.code}`;
  return list.filter((p) => {
    if (p.kind !== 'section') return true;
    const shown = fields(definition, p, response);
    return shown.length === 0 ? p.section.questions.length === 0 : shown.some((f) => f.path !== centrePath);
  });
}

/** The line under the header on every page: where the visitor is rating. */
export function renderPlace(v: VisitMode, t: (x: Localized) => string): TemplateResult {
  const counter = v.entry.counter;
  return html`<p class="visit-place" data-centre=${v.entry.centre.code}>
    <strong>${t(v.entry.centre.name)}</strong
    >${counter ? html` · ${msg('Counter', { id: 'answer.visit.counter' })} ${counter}` : nothing}
  </p>`;
}

export function renderVisitEntry(
  v: VisitMode,
  definition: SurveyDefinition,
  t: (x: Localized) => string,
  onStart: () => void,
): TemplateResult {
  return html`<h1 tabindex="-1">${t(definition.title)}</h1>
    <p class="muted">${msg('About 1 minute · anonymous · voluntary', { id: 'answer.visit.minute' })}</p>
    <p>${t(definition.intro)}</p>
    <p>
      <button class="primary" type="button" @click=${onStart}>
        ${msg('Start', { id: 'answer.visit.start' })}
      </button>
    </p>
    <p class="notice">
      ${msg('Your name, phone number, IP address and the time you submit are not stored; only your answers and the date are. Results are published only as totals.', { id: 'answer.visit.privacy' })}${v.entry.kiosk ? html`<br />${msg('This tablet keeps nothing: after you submit, the form is cleared for the next person.', { id: 'answer.visit.kiosk-privacy' })}` : nothing}
    </p>`;
}

export function renderVisitDone(
  v: VisitMode,
  t: (x: Localized) => string,
  onNext: () => void,
): TemplateResult {
  return html`<h1 tabindex="-1">${msg('Thank you for your rating!', { id: 'answer.visit.thanks' })}</h1>
    <div class="card" role="status">
      <p>
        ${msg('Your answers help the centre serve people better. Results are published every month.', { id: 'answer.visit.thanks-text' })}
      </p>
      ${v.entry.kiosk ? html`<p>${msg('A new form opens in a few seconds.', { id: 'answer.visit.reset-in' })}</p>` : nothing}
    </div>
    ${v.entry.kiosk ? html`<p><button class="primary" type="button" @click=${onNext}>${msg('Next person', { id: 'answer.visit.next' })}</button></p>` : nothing}`;
}

/** A refused link (forged, altered, or its centre gone) or no open survey: the server's own words. */
export function renderVisitProblem(
  message: Localized | undefined,
  t: (x: Localized) => string,
): TemplateResult {
  return html`<h1 tabindex="-1">${msg('This link is not valid', { id: 'answer.visit.bad-link' })}</h1>
    <p class="notice" role="alert">${t(message ?? VISIT_TEXT.badLink)}</p>`;
}
