// Entry per visit at a service centre (issue #15): `/khao-sat/visit/<token>` carries a signed centre
// token instead of a survey code. The page shows the centre's name, fills in the centre question and
// hides it, and submits through POST /api/v1/visit/<token>/responses (the same anonymous path). On a
// kiosk tablet (the token says so) nothing is kept on the device — no localStorage, sessionStorage
// or draft — and the form resets after each submission and after two idle minutes.
import { css, html, nothing, type TemplateResult } from 'lit';
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

export const VISIT_TEXT = {
  badLink: { vi: 'Đường dẫn không hợp lệ', en: 'This link is not valid' },
  noneOpen: {
    vi: 'Hiện chưa có đợt khảo sát nào đang mở tại trung tâm này. Cảm ơn Anh/Chị đã quan tâm.',
    en: 'No survey is open at this centre right now. Thank you for your interest.',
  },
  counter: { vi: 'Quầy', en: 'Counter' },
  start: { vi: 'Bắt đầu đánh giá', en: 'Start' },
  minute: { vi: 'Khoảng 1 phút · ẩn danh · tự nguyện', en: 'About 1 minute · anonymous · voluntary' },
  privacy: {
    vi: 'Không lưu tên, số điện thoại, địa chỉ IP hay giờ Anh/Chị gửi; chỉ lưu câu trả lời và ngày. Kết quả chỉ công bố dưới dạng tổng hợp.',
    en: 'Your name, phone number, IP address and the time you submit are not stored; only your answers and the date are. Results are published only as totals.',
  },
  kioskPrivacy: {
    vi: 'Máy tính bảng này không lưu lại câu trả lời: sau khi gửi, phiếu được xóa cho người tiếp theo.',
    en: 'This tablet keeps nothing: after you submit, the form is cleared for the next person.',
  },
  thanks: { vi: 'Cảm ơn Anh/Chị đã đánh giá!', en: 'Thank you for your rating!' },
  thanksText: {
    vi: 'Ý kiến của Anh/Chị giúp trung tâm phục vụ tốt hơn. Kết quả được công bố hằng tháng.',
    en: 'Your answers help the centre serve people better. Results are published every month.',
  },
  resetIn: { vi: 'Phiếu mới sẽ mở sau vài giây.', en: 'A new form opens in a few seconds.' },
  next: { vi: 'Người tiếp theo', en: 'Next person' },
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
    >${counter ? html` · ${t(VISIT_TEXT.counter)} ${counter}` : nothing}
  </p>`;
}

export function renderVisitEntry(
  v: VisitMode,
  definition: SurveyDefinition,
  t: (x: Localized) => string,
  onStart: () => void,
): TemplateResult {
  return html`<h1 tabindex="-1">${t(definition.title)}</h1>
    <p class="muted">${t(VISIT_TEXT.minute)}</p>
    <p>${t(definition.intro)}</p>
    <p><button class="primary" type="button" @click=${onStart}>${t(VISIT_TEXT.start)}</button></p>
    <p class="notice">
      ${t(VISIT_TEXT.privacy)}${v.entry.kiosk ? html`<br />${t(VISIT_TEXT.kioskPrivacy)}` : nothing}
    </p>`;
}

export function renderVisitDone(
  v: VisitMode,
  t: (x: Localized) => string,
  onNext: () => void,
): TemplateResult {
  return html`<h1 tabindex="-1">${t(VISIT_TEXT.thanks)}</h1>
    <div class="card" role="status">
      <p>${t(VISIT_TEXT.thanksText)}</p>
      ${v.entry.kiosk ? html`<p>${t(VISIT_TEXT.resetIn)}</p>` : nothing}
    </div>
    ${v.entry.kiosk ? html`<p><button class="primary" type="button" @click=${onNext}>${t(VISIT_TEXT.next)}</button></p>` : nothing}`;
}

/** A refused link (forged, altered, or its centre gone) or no open survey: the server's own words. */
export function renderVisitProblem(
  message: Localized | undefined,
  t: (x: Localized) => string,
): TemplateResult {
  return html`<h1 tabindex="-1">${t(VISIT_TEXT.badLink)}</h1>
    <p class="notice" role="alert">${t(message ?? VISIT_TEXT.badLink)}</p>`;
}
