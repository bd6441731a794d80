import { and, eq, not, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { surveyCodes } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { fieldError, invalid } from './errors.js';
import { serverMessage } from '#server/http/messages.js';

export const unknownCode = (): HttpError =>
  invalid([fieldError('/code', 'unknown_code', serverMessage('unknown_code'))], 'unknown_code');

export const codeUsed = (): HttpError =>
  new HttpError(409, 'code_used', serverMessage('code_used'), [
    fieldError('/code', 'code_used', serverMessage('code_used.field')),
  ]);

/** What a successful claim reads from the identity side in the same statement. */
export interface Claimed {
  /** When the code's draft was first saved (ms since the epoch), if it has one. */
  draftStartedMs: number | null;
  /** The code's sealed firm reference, if issued with one. */
  firm: Buffer | null;
}

/** The code row as it was when a claim did not apply. */
export interface CodeRow {
  used: boolean;
  stored: boolean;
  submissionHash: string | null;
}

/**
 * The one place a code of an edition is claimed: a conditional update that applies only while the
 * code is not yet `used` (a submission) or not yet `stored` (a draft: drafts stay possible while a
 * submission waits for the mixer, so that a draft save tells nobody when the code was used). Under
 * concurrent requests exactly one claim wins. An unknown code is a 422 on /code; otherwise returns
 * what was claimed, or the row that prevented the claim (`refused`). With `guard` (a condition such
 * as `editionCurrent`), the claim applies only while it holds too, and `stale` says it did not.
 */
export async function claimCode(
  tx: Db,
  surveyEditionId: number,
  codeHash: string,
  until: 'used' | 'stored',
  set: { used?: true; submissionHash?: string | null; draftStarted?: true },
  guard?: SQL<boolean>,
): Promise<{ claimed: Claimed } | { refused: CodeRow } | { stale: true }> {
  const of = and(eq(surveyCodes.codeHash, codeHash), eq(surveyCodes.surveyEditionId, surveyEditionId));
  const [claimed] = await tx
    .update(surveyCodes)
    .set(set)
    .where(and(of, not(until === 'used' ? surveyCodes.used : surveyCodes.stored), guard))
    .returning({
      // Table-qualified by hand: inside a RETURNING subquery Drizzle leaves column names bare.
      draftStartedMs: sql<
        string | null
      >`(select extract(epoch from d.started_at) * 1000 from drafts d where d.code_hash = survey_codes.code_hash)`,
      firm: sql<
        Buffer | Uint8Array | null
      >`(select f.sealed from code_firms f where f.code_hash = survey_codes.code_hash)`,
    });
  if (claimed) {
    const ms = claimed.draftStartedMs;
    const firm = claimed.firm;
    return {
      claimed: {
        draftStartedMs: ms === null ? null : Number(ms),
        firm: firm === null ? null : Buffer.isBuffer(firm) ? firm : Buffer.from(firm),
      },
    };
  }
  if (guard) {
    const [check] = await tx.select({ current: guard }).from(sql`(select 1) as one`);
    if (!check?.current) return { stale: true };
  }
  const [row] = await tx
    .select({
      used: surveyCodes.used,
      stored: surveyCodes.stored,
      submissionHash: surveyCodes.submissionHash,
    })
    .from(surveyCodes)
    .where(of);
  if (!row) throw unknownCode();
  return { refused: row };
}
