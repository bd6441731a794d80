import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { CodeBatchSummary, CreateBatchBody } from '#api/admin-editions.js';
import { recordAudit } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import {
  countStrata,
  issueCodes,
  stratumOf,
  type FirmReference,
  type IssuedCode,
} from '#server/collection/codes.js';
import { requireEdition } from '#server/collection/editions.js';
import { unseal } from '#server/collection/seal.js';
import type { Db } from '#server/db/client.js';
import { codeBatchCodes, codeBatches, codeFirms, surveyCodes, users } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { parseCode } from '#surveys/code-format.js';
import { serverMessage } from '#server/http/messages.js';

export async function listBatches(db: Db, slug: string): Promise<CodeBatchSummary[]> {
  const e = await requireEdition(db, slug);
  const rows = await db
    .select({ b: codeBatches, by: users.username })
    .from(codeBatches)
    .leftJoin(users, eq(users.id, codeBatches.createdBy))
    .where(eq(codeBatches.surveyEditionId, e.id))
    .orderBy(asc(codeBatches.id));
  const used = await db
    .select({ id: codeBatchCodes.batchId, n: count() })
    .from(codeBatchCodes)
    .innerJoin(surveyCodes, eq(surveyCodes.codeHash, codeBatchCodes.codeHash))
    .where(
      and(
        inArray(codeBatchCodes.batchId, rows.length ? rows.map((r) => r.b.id) : [-1]),
        eq(surveyCodes.used, true),
      ),
    )
    .groupBy(codeBatchCodes.batchId);
  const usedBy = new Map(used.map((u) => [u.id, u.n]));
  return rows.map(({ b, by }) => ({
    id: b.id,
    label: b.label,
    issued: b.issued,
    used: usedBy.get(b.id) ?? 0,
    revoked: b.revoked,
    createdAt: b.createdAt.toISOString(),
    createdBy: by,
    revokedAt: b.revokedAt?.toISOString() ?? null,
  }));
}

/**
 * Issues a batch of codes in one transaction with its audit entry (label and count only: codes
 * are shown once, in the returned list, and never stored or logged in clear).
 */
export async function createBatch(
  db: Db,
  hasher: CodeHasher,
  actor: Actor,
  slug: string,
  body: CreateBatchBody,
): Promise<{ batch: CodeBatchSummary; codes: IssuedCode[] }> {
  const e = await requireEdition(db, slug);
  if (e.state === 'closed' || e.state === 'archived')
    throw new HttpError(409, 'edition_closed', serverMessage('edition_closed'));
  const firms = body.firms ?? Array.from({ length: body.count ?? 0 }, () => ({}));
  const id = await db.transaction(async (tx) => {
    const codes = await issueCodes(tx as unknown as Db, hasher, e.id, firms);
    const [batch] = await tx
      .insert(codeBatches)
      .values({ surveyEditionId: e.id, label: body.label.trim(), issued: codes.length, createdBy: actor.id })
      .returning();
    const hashes = codes.map((c) => hasher.code((parseCode(c.code) as { code: string }).code));
    for (let i = 0; i < hashes.length; i += 1000)
      await tx
        .insert(codeBatchCodes)
        .values(hashes.slice(i, i + 1000).map((codeHash) => ({ codeHash, batchId: batch!.id })));
    await recordAudit(tx, actor, {
      action: 'code_batch.create',
      entityType: 'code_batch',
      entityId: batch!.id,
      familyCode: e.familyCode,
      after: {
        edition: slug,
        label: batch!.label,
        issued: codes.length,
        withFirms: body.firms !== undefined,
      },
    });
    return { id: batch!.id, codes };
  });
  const batch = (await listBatches(db, slug)).find((b) => b.id === id.id)!;
  return { batch, codes: id.codes };
}

/**
 * The strata of the batch's unused codes that were issued with firm data (unsealed one by one, in
 * the revoke's transaction; rows whose firm data was already deleted cannot be counted back).
 */
async function unusedFirmStrata(tx: Db, hasher: CodeHasher, batchId: number) {
  const rows = await tx
    .select({ h: codeFirms.codeHash, sealed: codeFirms.sealed })
    .from(codeBatchCodes)
    .innerJoin(surveyCodes, eq(surveyCodes.codeHash, codeBatchCodes.codeHash))
    .innerJoin(codeFirms, eq(codeFirms.codeHash, codeBatchCodes.codeHash))
    .where(and(eq(codeBatchCodes.batchId, batchId), eq(surveyCodes.used, false)))
    .for('update', { of: surveyCodes });
  return rows.map((r) => stratumOf(unseal<FirmReference>(hasher.sealKey, 'firm', r.sealed, r.h)));
}

/** Revokes the batch's unused codes: they are deleted, so they are unknown from then on. */
export async function revokeBatch(
  db: Db,
  hasher: CodeHasher,
  actor: Actor,
  slug: string,
  batchId: number,
): Promise<CodeBatchSummary> {
  const e = await requireEdition(db, slug);
  await db.transaction(async (tx) => {
    const [b] = await tx
      .select()
      .from(codeBatches)
      .where(and(eq(codeBatches.id, batchId), eq(codeBatches.surveyEditionId, e.id)));
    if (!b) throw new HttpError(404, 'not_found', serverMessage('not_found.code_batch'));
    const unused = tx
      .select({ h: codeBatchCodes.codeHash })
      .from(codeBatchCodes)
      .where(eq(codeBatchCodes.batchId, batchId));
    const firms = await unusedFirmStrata(tx as unknown as Db, hasher, batchId);
    const gone = await tx
      .delete(surveyCodes)
      .where(and(inArray(surveyCodes.codeHash, unused), eq(surveyCodes.used, false)))
      .returning({ h: surveyCodes.codeHash });
    // The revoked codes were never sent to answer: take them out of the per-stratum "issued" counts.
    await countStrata(tx as unknown as Db, e.id, firms, 'issued', -1);
    await tx
      .update(codeBatches)
      .set({ revoked: sql`${codeBatches.revoked} + ${gone.length}`, revokedAt: new Date() })
      .where(eq(codeBatches.id, batchId));
    await recordAudit(tx, actor, {
      action: 'code_batch.revoke',
      entityType: 'code_batch',
      entityId: batchId,
      familyCode: e.familyCode,
      before: { label: b.label, revoked: b.revoked },
      after: { label: b.label, revoked: b.revoked + gone.length },
    });
  });
  return (await listBatches(db, slug)).find((b) => b.id === batchId)!;
}
