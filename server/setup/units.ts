import { asc, eq } from 'drizzle-orm';
import type { UnitBody, UnitSummary } from '#api/admin-setup.js';
import { recordAudit, type Tx } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import { blocks, units } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { checkRange, findUnit, requireBlock, requireFamily, taken, type UnitRow } from './lookup.js';
import { serverMessage } from '#server/http/messages.js';

export async function listUnits(db: Db, familyId: number): Promise<UnitSummary[]> {
  const rows = await db
    .select({ u: units, block: blocks.code })
    .from(units)
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .where(eq(blocks.familyId, familyId))
    .orderBy(asc(blocks.sortOrder), asc(units.code));
  return rows.map(({ u, block }) => ({
    id: u.id,
    block,
    code: u.code,
    name: { vi: u.nameVi, en: u.nameEn },
    officialCode: u.officialCode,
    validFrom: u.validFrom,
    validTo: u.validTo,
  }));
}

export const UNIT = (u: UnitRow) => ({
  code: u.code,
  nameVi: u.nameVi,
  nameEn: u.nameEn,
  officialCode: u.officialCode,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

export type UnitWrite = { outcome: 'created' | 'updated' | 'unchanged'; id: number };

/** Creates or updates one unit of a block, audited; the caller's transaction covers a whole file. */
export async function writeUnit(
  tx: Tx,
  actor: Actor,
  ctx: { family: string; blockId: number; block: string },
  body: UnitBody,
  mode: 'create' | 'update' | 'upsert',
): Promise<UnitWrite> {
  checkRange(body.validFrom, body.validTo);
  const existing = await findUnit(tx, ctx.blockId, body.code);
  if (existing && mode === 'create') throw taken('/code', 'unit', body.code);
  if (!existing && mode === 'update')
    throw new HttpError(404, 'not_found', serverMessage('not_found.unit', { unit: body.code }));
  const values = {
    nameVi: body.nameVi.trim(),
    nameEn: body.nameEn.trim(),
    officialCode: body.officialCode || null,
    validFrom: body.validFrom || null,
    validTo: body.validTo || null,
  };
  const entityId = `${ctx.family}/${ctx.block}/${body.code}`;
  if (!existing) {
    const [u] = await tx
      .insert(units)
      .values({ blockId: ctx.blockId, code: body.code, ...values })
      .returning();
    await recordAudit(tx, actor, {
      action: 'unit.create',
      entityType: 'unit',
      entityId,
      familyCode: ctx.family,
      after: UNIT(u!),
    });
    return { outcome: 'created', id: u!.id };
  }
  const merged = { ...existing, ...values };
  if (JSON.stringify(UNIT(merged)) === JSON.stringify(UNIT(existing)))
    return { outcome: 'unchanged', id: existing.id };
  const [u] = await tx.update(units).set(values).where(eq(units.id, existing.id)).returning();
  await recordAudit(tx, actor, {
    action: 'unit.update',
    entityType: 'unit',
    entityId,
    familyCode: ctx.family,
    before: UNIT(existing),
    after: UNIT(u!),
  });
  return { outcome: 'updated', id: existing.id };
}

export async function saveUnit(
  db: Db,
  actor: Actor,
  family: string,
  block: string,
  body: UnitBody,
  mode: 'create' | 'update',
): Promise<void> {
  await db.transaction(async (tx) => {
    const f = await requireFamily(tx, family);
    const b = await requireBlock(tx, f.id, block);
    await writeUnit(tx, actor, { family, blockId: b.id, block }, body, mode);
  });
}
