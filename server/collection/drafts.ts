import { and, eq, lt, or, sql } from 'drizzle-orm';
import { validateDraft } from '#surveys/validate.js';
import type { Db } from '#server/db/client.js';
import { drafts, surveyCodes, surveyEditions } from '#server/db/schema/index.js';
import { CODE_PROBLEM_MESSAGES, parseCode } from '#surveys/code-format.js';
import { claimCode, codeUsed, unknownCode } from './claim.js';
import type { CodeHasher } from './code-hash.js';
import { vietnamToday, type LoadedEdition } from './editions.js';
import { fieldError, invalid } from './errors.js';
import { seal, unseal } from './seal.js';
import { assertOpen } from './submit.js';

export type CodeStatus = 'unused' | 'draft' | 'used';

/** The canonical code from a request body field, or a 422 naming the field and the typing problem. */
export function readCode(value: unknown, path = '/code'): string {
  const parsed = parseCode(typeof value === 'string' ? value.slice(0, 64) : '');
  if (!parsed.ok)
    throw invalid(
      [fieldError(path, `code_${parsed.problem}`, CODE_PROBLEM_MESSAGES[parsed.problem])],
      'invalid_code',
    );
  return parsed.code;
}

/**
 * Whether a code belongs to the edition and how far it got. A code reads "used" only once the
 * mixer has stored its batch, so polling this tells nobody more than the batch (README.md); while
 * its submission waits, it reads as before ("draft" if one was ever saved, else "unused").
 * Unknown codes are a 422 on /code.
 */
export async function codeStatus(
  db: Db,
  hasher: CodeHasher,
  edition: LoadedEdition,
  code: string,
): Promise<CodeStatus> {
  const [row] = await db
    .select({ stored: surveyCodes.stored, draftStarted: surveyCodes.draftStarted })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.codeHash, hasher.code(code)), eq(surveyCodes.surveyEditionId, edition.id)));
  if (!row) throw unknownCode();
  return row.stored ? 'used' : row.draftStarted ? 'draft' : 'unused';
}

/** The saved draft, opened with the code (its key is derived from the code itself). */
export async function loadDraft(db: Db, hasher: CodeHasher, edition: LoadedEdition, code: string) {
  const status = await codeStatus(db, hasher, edition, code);
  if (status === 'used') throw codeUsed();
  if (status === 'unused') return { status, draft: null };
  const codeHash = hasher.code(code);
  const [row] = await db
    .select({ sealed: drafts.sealed, updatedOn: drafts.updatedOn })
    .from(drafts)
    .where(eq(drafts.codeHash, codeHash));
  return {
    status,
    draft: row ? unseal(code, 'draft', row.sealed, codeHash) : null,
    updatedOn: row?.updatedOn ?? null,
  };
}

/**
 * Saves work in progress under the code, sealed with a key derived from the code, so a dump and
 * the firm list do not reveal it. Drafts are checked loosely (types, options, units; nothing
 * required) so that a half-filled form always saves; refused once the code's response is stored.
 */
export async function saveDraft(
  db: Db,
  hasher: CodeHasher,
  edition: LoadedEdition,
  code: string,
  draft: unknown,
): Promise<{ status: 'draft'; updatedOn: string }> {
  assertOpen(edition);
  const result = validateDraft(edition.definition, edition.context, draft);
  if (!result.valid)
    throw invalid(result.errors.map((e) => fieldError(`/draft${e.path}`, e.code, e.message)));
  const codeHash = hasher.code(code);
  const today = vietnamToday();
  // Minute precision is all the completion-time bucket needs.
  const startedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const sealed = seal(code, 'draft', draft, codeHash);
  return db.transaction(async (tx) => {
    const claim = await claimCode(tx as unknown as Db, edition.id, codeHash, 'stored', {
      draftStarted: true,
    });
    if ('refused' in claim) throw codeUsed();
    await tx
      .insert(drafts)
      .values({ codeHash, sealed, startedAt, updatedOn: today })
      .onConflictDoUpdate({ target: drafts.codeHash, set: { sealed, updatedOn: today } });
    return { status: 'draft' as const, updatedOn: today };
  });
}

/**
 * Deletes drafts left unchanged for `idleDays` and every draft of an edition whose window has
 * closed. Returns how many; the caller rewrites the table (compactSensitiveTables).
 */
export async function purgeDrafts(db: Db, idleDays: number, today = vietnamToday()): Promise<number> {
  const idleBefore = new Date(Date.parse(`${today}T00:00:00Z`) - idleDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const closed = db
    .select({ codeHash: surveyCodes.codeHash })
    .from(surveyCodes)
    .innerJoin(surveyEditions, eq(surveyEditions.id, surveyCodes.surveyEditionId))
    .where(lt(surveyEditions.closesOn, today));
  const gone = await db
    .delete(drafts)
    .where(or(lt(drafts.updatedOn, idleBefore), sql`${drafts.codeHash} in ${closed}`))
    .returning({ codeHash: drafts.codeHash });
  return gone.length;
}
