// The respondent API as the answering pages use it. The code travels in a JSON body or the
// Survey-Code header, never in a URL (URLs reach logs and referrers).
import type { ApiError, FieldError } from '#api/errors.js';
import { SURVEY_PAYLOAD_ELEMENT, type CodeCheckPayload, type SurveyEditionPayload } from '#api/collection.js';
import type { OpenSurveysPayload } from '#api/open-surveys.js';
import type { Localized } from '#api/text.js';
import type { SurveyResponse } from '#surveys/types.js';

/** The outcome of a call: `status` 0 means the server could not be reached. */
export type Outcome<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; code: string; messages: Localized | undefined; details: FieldError[] };

export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Outcome<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, status: 0, code: 'network', messages: undefined, details: [] };
  }
  const json = (await res.json().catch(() => undefined)) as unknown;
  if (res.ok) return { ok: true, status: res.status, body: json as T };
  const error = (json as ApiError | undefined)?.error;
  return {
    ok: false,
    status: res.status,
    code: error?.code ?? `http_${res.status}`,
    messages: error?.messages,
    details: error?.details ?? [],
  };
}

const base = (slug: string): string => `/api/v1/surveys/${encodeURIComponent(slug)}`;

/**
 * The edition's survey: the copy the server inlined into the page (server/http/survey-document.ts) the first
 * time, which saves a round trip on a slow network; from the API after that or when there is none.
 */
export async function fetchSurvey(slug: string): Promise<Outcome<SurveyEditionPayload>> {
  // The inlined script runs before the rest of the document (the survey's data) is parsed.
  if (document.readyState === 'loading')
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const inline = document.getElementById(SURVEY_PAYLOAD_ELEMENT);
  if (inline) {
    inline.remove();
    try {
      const body = JSON.parse(inline.textContent ?? '') as SurveyEditionPayload;
      if (body.edition.slug === slug) return { ok: true, status: 200, body };
    } catch {
      // A damaged copy: ask the API.
    }
  }
  return call<SurveyEditionPayload>('GET', base(slug));
}
export const fetchOpenSurveys = () => call<OpenSurveysPayload>('GET', '/api/v1/surveys/open');
export const checkCode = (slug: string, code: string) =>
  call<CodeCheckPayload>('POST', `${base(slug)}/codes/check`, { code });
export const loadDraft = (slug: string, code: string) =>
  call<{ status: string; draft: SurveyResponse | null }>('GET', `${base(slug)}/draft`, undefined, {
    'survey-code': code,
  });
export const saveDraft = (slug: string, code: string, draft: SurveyResponse) =>
  call<{ status: 'draft' }>('PUT', `${base(slug)}/draft`, { code, draft });

export interface SubmitBody {
  submissionId: string;
  code?: string;
  response: SurveyResponse;
  durationSeconds?: number;
}
export const submitResponse = (slug: string, body: SubmitBody) =>
  call<{ status: 'accepted' }>('POST', `${base(slug)}/responses`, body);

/** Worth retrying later: no connection, the server overloaded or restarting, or rate-limited. */
export const transient = (o: { status: number }): boolean =>
  o.status === 0 || o.status === 429 || o.status >= 500;

/** A random submission id (22 base64url characters, 132 bits), kept across retries. */
export function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(17));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
