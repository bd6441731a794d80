import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '#api/canonical-json.js';
import { validateResponse } from '#surveys/validate.js';
import type { SurveyResponse } from '#surveys/types.js';
import type { Db } from '#server/db/client.js';
import { drafts, openSubmissions, responseRatings, responses, surveyCodes } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import type { CodeHasher } from './code-hash.js';
import { vietnamToday, windowState, type LoadedEdition } from './editions.js';
import { fieldError, invalid } from './errors.js';
import { straightLining } from './quality.js';
import { splitResponse } from './ratings.js';

export type Channel = 'online' | 'paper' | 'phone';
export const CHANNELS: readonly Channel[] = ['online', 'paper', 'phone'];

/** What the submitter gets back; identical on a retry, and it names nothing stored. */
export interface Accepted {
  status: 'accepted';
  edition: string;
}

export interface StoreInput {
  /** Canonical code (parseCode), or undefined for an open-mode submission. */
  code: string | undefined;
  /** Client-chosen id of this submission attempt; retries reuse it. Null for staff imports. */
  nonce: string | null;
  response: SurveyResponse;
  channel: Channel;
  /** Client-measured seconds from opening the form, when no draft gives a server-side start. */
  clientSeconds?: number | undefined;
  /** The submission date; today in Vietnam unless replaying history (the demo generator). */
  submittedOn?: string;
}

const MAX_MINUTES = 1440;

export const unknownCode = (): HttpError =>
  invalid(
    [
      fieldError('/code', 'unknown_code', {
        vi: 'Mã khảo sát không đúng hoặc không thuộc kỳ khảo sát này',
        en: 'The survey code is wrong or belongs to another survey',
      }),
    ],
    'unknown_code',
  );

export const codeUsed = (): HttpError =>
  new HttpError(
    409,
    'code_used',
    {
      vi: 'Mã khảo sát này đã được dùng để gửi phiếu',
      en: 'This survey code has already been used to submit a response',
    },
    [fieldError('/code', 'code_used', { vi: 'Mã đã được dùng', en: 'Code already used' })],
  );

/** Refuses anything outside the edition's window, with the dates in the message. */
export function assertOpen(edition: LoadedEdition, today = vietnamToday()): void {
  const state = windowState(edition, today);
  if (state === 'open') return;
  const message =
    state === 'closed'
      ? {
          vi: `Kỳ khảo sát đã đóng ngày ${edition.closesOn}; không nhận thêm phiếu`,
          en: `The survey closed on ${edition.closesOn}; no more responses are accepted`,
        }
      : {
          vi: `Kỳ khảo sát chưa mở; bắt đầu nhận phiếu từ ngày ${edition.opensOn}`,
          en: `The survey is not open yet; it opens on ${edition.opensOn}`,
        };
  throw new HttpError(403, state === 'closed' ? 'survey_closed' : 'survey_not_open', message, [
    fieldError('/edition', state, message),
  ]);
}

/** Validates a submission against the published definition; field errors are prefixed with `prefix`. */
export function checkResponse(
  edition: LoadedEdition,
  response: unknown,
  prefix = '/response',
): SurveyResponse {
  const result = validateResponse(edition.definition, edition.context, response);
  if (!result.valid)
    throw invalid(result.errors.map((e) => fieldError(`${prefix}${e.path}`, e.code, e.message)));
  return response as SurveyResponse;
}

/**
 * Stores one validated response inside `tx`: claims the code (a conditional update: one response
 * per code even under concurrent retries), deletes its draft, inserts the anonymous response and
 * its per-unit rows. A retry with the same code, nonce and payload returns the first result and
 * writes nothing; a different submission under a used code is refused.
 */
export async function storeResponse(
  tx: Db,
  hasher: CodeHasher,
  edition: LoadedEdition,
  input: StoreInput,
): Promise<{ accepted: Accepted; replayed: boolean }> {
  const accepted: Accepted = { status: 'accepted', edition: edition.slug };
  const hash =
    input.nonce === null
      ? null
      : hasher.submission(input.code ?? '', input.nonce, canonicalJson(input.response));
  let startedAt: Date | undefined;
  if (input.code !== undefined) {
    const codeHash = hasher.code(input.code);
    const claimed = await tx
      .update(surveyCodes)
      .set({ used: true, submissionHash: hash })
      .where(
        and(
          eq(surveyCodes.codeHash, codeHash),
          eq(surveyCodes.surveyEditionId, edition.id),
          eq(surveyCodes.used, false),
        ),
      )
      .returning({ codeHash: surveyCodes.codeHash });
    if (claimed.length === 0) {
      const [row] = await tx
        .select({ submissionHash: surveyCodes.submissionHash })
        .from(surveyCodes)
        .where(and(eq(surveyCodes.codeHash, codeHash), eq(surveyCodes.surveyEditionId, edition.id)));
      if (!row) throw unknownCode();
      if (hash !== null && row.submissionHash === hash) return { accepted, replayed: true };
      throw codeUsed();
    }
    const [draft] = await tx
      .delete(drafts)
      .where(eq(drafts.codeHash, codeHash))
      .returning({ startedAt: drafts.startedAt });
    startedAt = draft?.startedAt;
  } else {
    if (hash === null) throw new TypeError('an open-mode submission needs a nonce');
    const fresh = await tx
      .insert(openSubmissions)
      .values({ submissionHash: hash, surveyEditionId: edition.id })
      .onConflictDoNothing()
      .returning();
    if (fresh.length === 0) return { accepted, replayed: true };
  }

  const { profile, answers, ratings } = splitResponse(edition, input.response);
  const seconds = startedAt ? (Date.now() - startedAt.getTime()) / 1000 : input.clientSeconds;
  const minutes =
    input.channel === 'online' && seconds !== undefined && Number.isFinite(seconds)
      ? Math.min(MAX_MINUTES, Math.max(0, Math.floor(seconds / 60)))
      : null;
  const flag = straightLining(edition, ratings);
  const id = randomUUID();
  await tx.insert(responses).values({
    id,
    surveyEditionId: edition.id,
    channel: input.channel,
    submittedOn: input.submittedOn ?? vietnamToday(),
    openMode: input.code === undefined,
    completionMinutes: minutes,
    profile,
    answers,
    qualityFlags: flag ? [flag] : [],
    flagged: flag !== undefined,
  });
  if (ratings.length > 0) {
    // One parameter instead of eight per row: building a 300-parameter insert cost more CPU than the
    // database spent on it (bench/submit.ts).
    const rows = JSON.stringify(
      ratings.map((r) => ({ b: r.blockKey, u: r.unitId, i: r.item, v: r.value, r: r.raw, d: r.dontKnow })),
    );
    await tx.execute(sql`
      insert into ${responseRatings} (response_id, survey_edition_id, block_key, unit_id, item, value, raw, dont_know)
      select ${id}::uuid, ${edition.id}::int, x.b, x.u, x.i, x.v, x.r, x.d
      from jsonb_to_recordset(${rows}::jsonb) as x(b text, u int, i text, v float8, r jsonb, d boolean)`);
  }
  return { accepted, replayed: false };
}

/** The online submission path: window, validation, then one transaction. */
export async function submitResponse(
  db: Db,
  hasher: CodeHasher,
  edition: LoadedEdition,
  input: Omit<StoreInput, 'response'> & { response: unknown },
) {
  assertOpen(edition);
  if (input.code === undefined && !edition.openMode) {
    throw invalid(
      [fieldError('/code', 'code_required', { vi: 'Cần nhập mã khảo sát', en: 'A survey code is required' })],
      'code_required',
    );
  }
  const response = checkResponse(edition, input.response);
  return db.transaction((tx) => storeResponse(tx as unknown as Db, hasher, edition, { ...input, response }));
}
