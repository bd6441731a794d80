import { and, eq, sql } from 'drizzle-orm';
import { validateDraft } from '#surveys/validate.js';
import type { Db } from '#server/db/client.js';
import { drafts, surveyCodes } from '#server/db/schema/index.js';
import { CODE_PROBLEM_MESSAGES, parseCode } from '#surveys/code-format.js';
import type { CodeHasher } from './code-hash.js';
import { vietnamToday, type LoadedEdition } from './editions.js';
import { fieldError, invalid } from './errors.js';
import { assertOpen, codeUsed, unknownCode } from './submit.js';

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

/** Whether a code belongs to the edition and how far it got; unknown codes are a 422 on /code. */
export async function codeStatus(
  db: Db,
  hasher: CodeHasher,
  edition: LoadedEdition,
  code: string,
): Promise<CodeStatus> {
  const codeHash = hasher.code(code);
  const [row] = await db
    .select({
      used: surveyCodes.used,
      hasDraft: sql<boolean>`exists (select 1 from ${drafts} where ${drafts.codeHash} = ${codeHash})`,
    })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.codeHash, codeHash), eq(surveyCodes.surveyEditionId, edition.id)));
  if (!row) throw unknownCode();
  return row.used ? 'used' : row.hasDraft ? 'draft' : 'unused';
}

export async function loadDraft(db: Db, hasher: CodeHasher, edition: LoadedEdition, code: string) {
  const status = await codeStatus(db, hasher, edition, code);
  if (status === 'used') throw codeUsed();
  if (status === 'unused') return { status, draft: null };
  const [row] = await db
    .select({ answers: drafts.answers, updatedOn: drafts.updatedOn })
    .from(drafts)
    .where(eq(drafts.codeHash, hasher.code(code)));
  return { status, draft: row?.answers ?? null, updatedOn: row?.updatedOn ?? null };
}

/**
 * Saves work in progress under the code. Drafts are checked loosely (types, options, units; nothing
 * required) so that a half-filled form always saves, and never once the code has been used.
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
  return db.transaction(async (tx) => {
    const open = await tx
      .update(surveyCodes)
      .set({ draftStarted: true })
      .where(
        and(
          eq(surveyCodes.codeHash, codeHash),
          eq(surveyCodes.surveyEditionId, edition.id),
          eq(surveyCodes.used, false),
        ),
      )
      .returning({ codeHash: surveyCodes.codeHash });
    if (open.length === 0) {
      const [exists] = await tx
        .select({ used: surveyCodes.used })
        .from(surveyCodes)
        .where(and(eq(surveyCodes.codeHash, codeHash), eq(surveyCodes.surveyEditionId, edition.id)));
      throw exists ? codeUsed() : unknownCode();
    }
    await tx
      .insert(drafts)
      .values({ codeHash, answers: draft as object, startedAt, updatedOn: today })
      .onConflictDoUpdate({ target: drafts.codeHash, set: { answers: draft as object, updatedOn: today } });
    return { status: 'draft' as const, updatedOn: today };
  });
}
