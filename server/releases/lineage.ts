import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LineageStep, ReleaseBlock } from '#api/releases.js';
import type { Db } from '#server/db/client.js';
import { blocks, unitLineage, units } from '#server/db/schema/index.js';
import { predecessors } from './changes.js';

/** The family's lineage events that lead to the units of `released` (their whole ancestry). */
export async function lineageFor(db: Db, familyId: number, released: ReleaseBlock[]): Promise<LineageStep[]> {
  const from = alias(units, 'from_unit');
  const to = alias(units, 'to_unit');
  const blockIds = (await db.select({ id: blocks.id }).from(blocks).where(eq(blocks.familyId, familyId))).map(
    (b) => b.id,
  );
  if (blockIds.length === 0) return [];
  const rows = await db
    .select({
      event: unitLineage.event,
      date: unitLineage.date,
      fromCode: from.code,
      fromVi: from.nameVi,
      fromEn: from.nameEn,
      toCode: to.code,
      toVi: to.nameVi,
      toEn: to.nameEn,
      noteVi: unitLineage.noteVi,
      noteEn: unitLineage.noteEn,
    })
    .from(unitLineage)
    .innerJoin(from, eq(from.id, unitLineage.fromUnitId))
    .leftJoin(to, eq(to.id, unitLineage.toUnitId))
    .where(inArray(from.blockId, blockIds))
    .orderBy(unitLineage.date, from.code);
  const all: LineageStep[] = rows.map((r) => ({
    event: r.event,
    date: r.date,
    from: { code: r.fromCode, name: { vi: r.fromVi, en: r.fromEn } },
    to: r.toCode ? { code: r.toCode, name: { vi: r.toVi!, en: r.toEn! } } : null,
    note: r.noteVi && r.noteEn ? { vi: r.noteVi, en: r.noteEn } : null,
  }));
  const wanted = new Set<string>();
  for (const b of released)
    for (const u of b.units) [u.code, ...predecessors(u.code, all)].forEach((c) => wanted.add(c));
  return all.filter((s) => s.to !== null && wanted.has(s.to.code));
}
