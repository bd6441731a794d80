import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LineageBody, LineageSummary } from '#api/admin-setup.js';
import { recordAudit, type Tx } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import { blocks, unitLineage, units } from '#server/db/schema/index.js';
import { fieldError, invalid } from '#server/http/errors.js';
import { findUnit, requireBlock, requireFamily } from './lookup.js';
import { serverMessage } from '#server/http/messages.js';

export async function listLineage(db: Db, familyId: number): Promise<LineageSummary[]> {
  const fromUnit = alias(units, 'from_unit');
  const fromBlock = alias(blocks, 'from_block');
  const toUnit = alias(units, 'to_unit');
  const toBlock = alias(blocks, 'to_block');
  const rows = await db
    .select({ l: unitLineage, fu: fromUnit.code, fb: fromBlock.code, tu: toUnit.code, tb: toBlock.code })
    .from(unitLineage)
    .innerJoin(fromUnit, eq(fromUnit.id, unitLineage.fromUnitId))
    .innerJoin(fromBlock, eq(fromBlock.id, fromUnit.blockId))
    .leftJoin(toUnit, eq(toUnit.id, unitLineage.toUnitId))
    .leftJoin(toBlock, eq(toBlock.id, toUnit.blockId))
    .where(eq(fromBlock.familyId, familyId))
    .orderBy(asc(unitLineage.date), asc(unitLineage.id));
  return rows.map(({ l, fu, fb, tu, tb }) => ({
    id: l.id,
    event: l.event,
    date: l.date,
    from: { block: fb, code: fu },
    to: tu && tb ? { block: tb, code: tu } : null,
    note: l.noteVi || l.noteEn ? { vi: l.noteVi ?? '', en: l.noteEn ?? l.noteVi ?? '' } : null,
  }));
}

/** Unit ids by `${block}/${code}` for a family, for resolving a file's references at once. */
export async function unitIndex(tx: Pick<Tx, 'select'>, familyId: number): Promise<Map<string, number>> {
  const rows = await tx
    .select({ id: units.id, code: units.code, block: blocks.code })
    .from(units)
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .where(eq(blocks.familyId, familyId));
  return new Map(rows.map((r) => [`${r.block}/${r.code}`, r.id]));
}

export interface ResolvedLineage {
  event: LineageBody['event'];
  date: string;
  fromUnitId: number;
  toUnitId: number | null;
  noteVi?: string | null;
  noteEn?: string | null;
  label: string;
}

/** Inserts one lineage event unless the same one exists; audited. */
export async function writeLineage(
  tx: Tx,
  actor: Actor,
  family: string,
  e: ResolvedLineage,
): Promise<'created' | 'unchanged'> {
  const same = await tx
    .select({ id: unitLineage.id })
    .from(unitLineage)
    .where(
      and(
        eq(unitLineage.event, e.event),
        eq(unitLineage.fromUnitId, e.fromUnitId),
        e.toUnitId === null ? isNull(unitLineage.toUnitId) : eq(unitLineage.toUnitId, e.toUnitId),
        eq(unitLineage.date, e.date),
      ),
    );
  if (same.length > 0) return 'unchanged';
  const [row] = await tx
    .insert(unitLineage)
    .values({
      event: e.event,
      date: e.date,
      fromUnitId: e.fromUnitId,
      toUnitId: e.toUnitId,
      noteVi: e.noteVi ?? null,
      noteEn: e.noteEn ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'lineage.create',
    entityType: 'lineage',
    entityId: row!.id,
    familyCode: family,
    after: {
      event: e.event,
      date: e.date,
      link: e.label,
      noteVi: e.noteVi ?? null,
      noteEn: e.noteEn ?? null,
    },
  });
  return 'created';
}

export function lineageShapeProblem(
  event: string,
  hasTo: boolean,
  path = '',
): ReturnType<typeof fieldError> | null {
  if (event === 'abolish' && hasTo)
    return fieldError(`${path}/to`, 'abolish_has_target', serverMessage('abolish_has_target'));
  if (event !== 'abolish' && !hasTo)
    return fieldError(`${path}/to`, 'missing_target', serverMessage('missing_target'));
  return null;
}

export async function addLineage(db: Db, actor: Actor, family: string, body: LineageBody): Promise<void> {
  const shape = lineageShapeProblem(body.event, !!body.to);
  if (shape) throw invalid([shape]);
  await db.transaction(async (tx) => {
    const f = await requireFamily(tx, family);
    const ref = async (r: { block: string; code: string }, path: string) => {
      const b = await requireBlock(tx, f.id, r.block);
      const u = await findUnit(tx, b.id, r.code);
      if (!u)
        throw invalid([
          fieldError(
            `${path}/code`,
            'unknown_unit',
            serverMessage('unknown_unit.block', { unit: r.code, block: r.block }),
          ),
        ]);
      return u.id;
    };
    const fromUnitId = await ref(body.from, '/from');
    const toUnitId = body.to ? await ref(body.to, '/to') : null;
    if (fromUnitId === toUnitId) throw invalid([fieldError('/to', 'same_unit', serverMessage('same_unit'))]);
    const label = `${body.from.block}/${body.from.code} → ${body.to ? `${body.to.block}/${body.to.code}` : '∅'}`;
    await writeLineage(tx, actor, family, { ...body, fromUnitId, toUnitId, label });
  });
}
