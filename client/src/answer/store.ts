// Never lose an answer: every change goes to localStorage at once and, with a code, to the server
// draft after a short pause; a submission that cannot reach the server waits in localStorage and is
// retried with backoff. The submissionId is kept with it, so a retry is recognised by the server and
// stored once (idempotent submit).
import type { SurveyResponse } from '#surveys/types.js';
import {
  newSubmissionId,
  saveDraft,
  submitResponse,
  transient,
  type Outcome,
  type SubmitBody,
} from './api.js';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

export interface LocalState {
  response: SurveyResponse;
  page?: string;
  startedAt: number;
  /** Set once the respondent pressed submit; kept until the server accepts. */
  submissionId?: string;
  /** Submitted and accepted: nothing left to send. */
  done?: boolean;
  /** The code, so the same device resumes without typing it again. */
  code?: string;
}

const PREFIX = 'ci-survey/';
/** Off on a kiosk tablet (visit-mode.ts): the next visitor must find nothing of the last one. */
let keepOnDevice = true;
export const keepNothingOnDevice = (): void => void (keepOnDevice = false);
const key = (slug: string): string => `${PREFIX}${slug}`;

export function loadLocal(slug: string): LocalState | undefined {
  if (!keepOnDevice) return undefined;
  try {
    const raw = localStorage.getItem(key(slug));
    return raw ? (JSON.parse(raw) as LocalState) : undefined;
  } catch {
    return undefined;
  }
}

export function saveLocal(slug: string, state: LocalState): void {
  if (!keepOnDevice) return;
  try {
    localStorage.setItem(key(slug), JSON.stringify(state));
  } catch {
    // Storage full or disabled (private mode): the server draft still keeps the answers.
  }
}

export function clearLocal(slug: string): void {
  if (!keepOnDevice) return;
  try {
    localStorage.removeItem(key(slug));
  } catch {
    /* nothing stored */
  }
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
export const backoff = (attempt: number): number => BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;

/** Waits `ms`, or less when the browser reports the connection is back. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/** Debounced saving of the server draft, retried while offline. */
export class DraftSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: SurveyResponse | undefined;
  private attempt = 0;
  private running = false;

  constructor(
    private readonly slug: string,
    private readonly code: string | undefined,
    private readonly onStatus: (s: SaveStatus) => void,
    private readonly delayMs = 1200,
  ) {}

  schedule(response: SurveyResponse): void {
    this.latest = response;
    clearTimeout(this.timer);
    // Without a code (open mode) only this device keeps the answers.
    if (!this.code) {
      this.onStatus('saved');
      return;
    }
    this.onStatus('saving');
    this.timer = setTimeout(() => void this.run(), this.delayMs);
  }

  /** Sends the pending draft now (leaving a page, before submitting). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    await this.run();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.latest = undefined;
  }

  private async run(): Promise<void> {
    if (this.running || !this.code || !this.latest) return;
    this.running = true;
    try {
      while (this.latest) {
        const sending: SurveyResponse = this.latest;
        const result = await saveDraft(this.slug, this.code, sending);
        if (result.ok || !transient(result)) {
          if (this.latest === sending) this.latest = undefined;
          this.attempt = 0;
          this.onStatus(result.ok ? 'saved' : 'error');
          continue;
        }
        this.onStatus('offline');
        await pause(backoff(this.attempt++));
      }
    } finally {
      this.running = false;
    }
  }
}

/** Where a submission goes and which refusals are worth retrying (a visit's 429 is not: it says so). */
export interface SubmitRoute {
  send: (body: SubmitBody) => Promise<Outcome<unknown>>;
  retryable: (o: { status: number }) => boolean;
}

export type SubmitResult = { ok: true } | { ok: false; outcome: Extract<Outcome<unknown>, { ok: false }> };

/**
 * Sends the submission until the server answers something other than "try later"; `onWaiting` is
 * told when it waits offline. The same body (and submissionId) is sent every time.
 */
export async function submitUntilAnswered(
  slug: string,
  body: SubmitBody,
  onWaiting: (waiting: boolean) => void,
  signal?: AbortSignal,
  route: Partial<SubmitRoute> = {},
): Promise<SubmitResult> {
  const send = route.send ?? ((b: SubmitBody) => submitResponse(slug, b));
  const retry = route.retryable ?? transient;
  for (let attempt = 0; ; attempt++) {
    const result = await send(body);
    if (result.ok) return { ok: true };
    if (!retry(result) || signal?.aborted) return { ok: false, outcome: result };
    onWaiting(true);
    await pause(backoff(attempt));
  }
}

/** The submission id to use: the one already kept for this survey, or a new one. */
export const submissionIdOf = (state: LocalState): string => state.submissionId ?? newSubmissionId();
