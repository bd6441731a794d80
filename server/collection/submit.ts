import { randomUUID } from 'node:crypto';
import { canonicalJson } from '#api/canonical-json.js';
import { validateResponse } from '#surveys/validate.js';
import type { SurveyResponse } from '#surveys/types.js';
import type { Db } from '#server/db/client.js';
import { committed } from '#server/db/group-commit.js';
import { openSubmissions, pendingSubmissions } from '#server/db/schema/index.js';
import type { Channel, QualityFlag } from '#api/collection-admin.js';
import { HttpError } from '#server/http/errors.js';
import { claimCode, codeUsed } from './claim.js';
import type { CodeHasher } from './code-hash.js';
import { stratumOf, type Dimension, type FirmReference } from './codes.js';
import {
  cachedEdition,
  editionCurrent,
  requireEdition,
  vietnamToday,
  windowState,
  type LoadedEdition,
} from './editions.js';
import { fieldError, invalid } from './errors.js';
import { straightLining } from './quality.js';
import { splitResponse } from './ratings.js';
import { seal, unseal } from './seal.js';
import { serverMessage } from '#server/http/messages.js';

export type { Channel };
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
  /**
   * Quality flags the entry path decided, in place of the straight-lining check: a visit at a
   * service centre (server/visit/) flags floods by address instead, since a one-minute satisfaction
   * survey answered all 5s is no sign of careless answering.
   */
  flags?: QualityFlag[];
  /**
   * The edition came from the cache (`cachedEdition`): the claim applies only while it is still
   * this version and open today, else `StaleEdition` is thrown and nothing is written.
   */
  checkEdition?: boolean;
}

/** The cached edition a submission was checked against has changed or closed since. */
export class StaleEdition extends Error {}

const MAX_MINUTES = 1440;

/** Refuses anything outside the edition's window, with the dates in the message. */
export function assertOpen(edition: LoadedEdition, today = vietnamToday()): void {
  const state = windowState(edition, today);
  if (state === 'open') return;
  const message =
    state === 'closed'
      ? serverMessage('survey_closed', { date: edition.closesOn })
      : serverMessage('survey_not_open', { date: edition.opensOn });
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

/** What a pending submission carries to the mixer, sealed with the server key. */
export interface PendingPayload {
  codeHash: string | null;
  channel: Channel;
  openMode: boolean;
  submittedOn: string;
  /** Whole minutes from the first draft save (or the client's timer); goes to a histogram only. */
  minutes: number | null;
  profile: Record<string, unknown>;
  answers: Record<string, unknown>;
  /** Per-unit rows: block, unit id, item, value, raw, don't know. */
  ratings: Array<[string, number, string, number | null, unknown, boolean]>;
  flags: QualityFlag[];
  /** The code's sealed firm stratum, for the response-rate counters. */
  strata: Partial<Record<Dimension, string>>;
}

/**
 * Claims the code of a submission (or, in open mode, records its idempotency key) and reads what
 * the pending payload needs from the identity side: the draft's start and the sealed stratum.
 */
async function claimFor(
  tx: Db,
  hasher: CodeHasher,
  edition: LoadedEdition,
  code: string | undefined,
  hash: string | null,
  checkEdition: boolean,
): Promise<'replayed' | { codeHash: string | null; startedAt?: Date; strata: PendingPayload['strata'] }> {
  if (code === undefined) {
    if (hash === null) throw new TypeError('an open-mode submission needs a nonce');
    const fresh = await tx
      .insert(openSubmissions)
      .values({ submissionHash: hash, surveyEditionId: edition.id })
      .onConflictDoNothing()
      .returning();
    return fresh.length === 0 ? 'replayed' : { codeHash: null, strata: {} };
  }
  const codeHash = hasher.code(code);
  const guard = checkEdition ? editionCurrent(edition) : undefined;
  const set = { used: true as const, submissionHash: hash };
  const claim = await claimCode(tx, edition.id, codeHash, 'used', set, guard);
  if ('stale' in claim) throw new StaleEdition();
  if ('refused' in claim) {
    if (hash !== null && claim.refused.submissionHash === hash) return 'replayed';
    throw codeUsed();
  }
  const { draftStartedMs, firm } = claim.claimed;
  return {
    codeHash,
    ...(draftStartedMs !== null ? { startedAt: new Date(draftStartedMs) } : {}),
    strata: firm ? stratumOf(unseal<FirmReference>(hasher.sealKey, 'firm', firm, codeHash)) : {},
  };
}

/**
 * Accepts one validated response inside `tx`: claims the code (one response per code even under
 * concurrent retries) and queues the answers, sealed, in pending_submissions. Nothing is written to
 * `responses` here: the mixer stores batches of at least k submissions in a transaction of its own
 * (mixer.ts), so no transaction id, order or time is shared with the code. A retry with the same
 * code, nonce and payload returns the first result, whether still pending or stored.
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
  const claim = await claimFor(tx, hasher, edition, input.code, hash, input.checkEdition === true);
  if (claim === 'replayed') return { accepted, replayed: true };
  const { codeHash, startedAt, strata } = claim;

  const { profile, answers, ratings } = splitResponse(edition, input.response);
  const seconds = startedAt ? (Date.now() - startedAt.getTime()) / 1000 : input.clientSeconds;
  const minutes =
    input.channel === 'online' && seconds !== undefined && Number.isFinite(seconds)
      ? Math.min(MAX_MINUTES, Math.max(0, Math.floor(seconds / 60)))
      : null;
  const flag = input.flags ? undefined : straightLining(edition, ratings);
  const payload: PendingPayload = {
    codeHash,
    channel: input.channel,
    openMode: input.code === undefined,
    submittedOn: input.submittedOn ?? vietnamToday(),
    minutes,
    profile,
    answers,
    ratings: ratings.map((r) => [r.blockKey, r.unitId, r.item, r.value, r.raw, r.dontKnow]),
    flags: input.flags ?? (flag ? [flag] : []),
    strata,
  };
  const id = randomUUID();
  await tx.insert(pendingSubmissions).values({
    id,
    surveyEditionId: edition.id,
    coded: codeHash !== null,
    sealed: seal(hasher.sealKey, 'pending', payload, id),
  });
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
    throw invalid([fieldError('/code', 'code_required', serverMessage('code_required'))], 'code_required');
  }
  const response = checkResponse(edition, input.response);
  // On PGlite, concurrent submissions share a COMMIT (group-commit.ts); each is acknowledged after it.
  return committed(db, (tx) => storeResponse(tx, hasher, edition, { ...input, response }));
}

/**
 * The online submission to the edition `slug`. A coded submission is checked against the cached
 * edition, without a round trip to read it: its claim checks in the same statement that the edition
 * is still that version and open today, and when not, the submission is checked again against the
 * edition read fresh (403 once it has closed, its new definition after a draft edit).
 */
export async function submitToEdition(
  db: Db,
  hasher: CodeHasher,
  slug: string,
  input: Omit<StoreInput, 'response' | 'checkEdition'> & { response: unknown },
) {
  if (input.code === undefined) return submitResponse(db, hasher, await requireEdition(db, slug), input);
  let edition = await cachedEdition(db, slug);
  // A closed or draft edition in the cache may have opened since: its 403 comes from a fresh read.
  if (windowState(edition) !== 'open') edition = await requireEdition(db, slug);
  for (let attempt = 1; ; attempt++) {
    try {
      return await submitResponse(db, hasher, edition, { ...input, checkEdition: attempt < 3 });
    } catch (err) {
      if (!(err instanceof StaleEdition)) throw err;
      edition = await requireEdition(db, slug);
    }
  }
}
