import { asc, count, eq, inArray } from 'drizzle-orm';
import type {
  BlockBody,
  BlockSummary,
  CreateFamilyBody,
  FamilyDetail,
  FamilySummary,
  UpdateFamilyBody,
} from '#api/admin-setup.js';
import { recordAudit } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import { blockBoundaries, blocks, families, familySettings, units } from '#server/db/schema/index.js';
import { listLineage } from './lineage.js';
import { requireBlock, requireFamily, taken, type FamilyRow } from './lookup.js';
import { listUnits } from './units.js';

async function blockSummaries(db: Db, familyIds: number[]): Promise<Map<number, BlockSummary[]>> {
  const out = new Map<number, BlockSummary[]>();
  if (familyIds.length === 0) return out;
  const rows = await db
    .select({ b: blocks, n: count(units.id) })
    .from(blocks)
    .leftJoin(units, eq(units.blockId, blocks.id))
    .where(inArray(blocks.familyId, familyIds))
    .groupBy(blocks.id)
    .orderBy(asc(blocks.sortOrder), asc(blocks.code));
  const bounds = await db.select().from(blockBoundaries);
  const byBlock = new Map(bounds.map((b) => [b.blockId, b]));
  for (const { b, n } of rows) {
    const geo = byBlock.get(b.id);
    const stats = geo ? (geo.geojson as { stats?: { features: number; matched: number } }).stats : undefined;
    const list = out.get(b.familyId) ?? [];
    list.push({
      id: b.id,
      code: b.code,
      name: { vi: b.nameVi, en: b.nameEn },
      sortOrder: b.sortOrder,
      units: Number(n),
      boundaries: geo && stats ? { ...stats, codeProperty: geo.codeProperty } : null,
    });
    out.set(b.familyId, list);
  }
  return out;
}

const summary = (f: FamilyRow, fourEyes: boolean, list: BlockSummary[]): FamilySummary => ({
  code: f.code,
  kind: f.kind,
  name: { vi: f.nameVi, en: f.nameEn },
  isDemo: f.isDemo === 1,
  requireFourEyes: fourEyes,
  blocks: list,
});

export async function listFamilies(db: Db): Promise<FamilySummary[]> {
  const fams = await db.select().from(families).orderBy(asc(families.code));
  const settings = new Map(
    (await db.select().from(familySettings)).map((s) => [s.familyId, s.requireFourEyes]),
  );
  const list = await blockSummaries(
    db,
    fams.map((f) => f.id),
  );
  return fams.map((f) => summary(f, settings.get(f.id) ?? false, list.get(f.id) ?? []));
}

export async function familyDetail(db: Db, code: string): Promise<FamilyDetail> {
  const f = await requireFamily(db, code);
  const [s] = await db.select().from(familySettings).where(eq(familySettings.familyId, f.id));
  const list = (await blockSummaries(db, [f.id])).get(f.id) ?? [];
  return {
    ...summary(f, s?.requireFourEyes ?? false, list),
    units: await listUnits(db, f.id),
    lineage: await listLineage(db, f.id),
  };
}

const FAMILY = (f: FamilyRow) => ({ code: f.code, kind: f.kind, nameVi: f.nameVi, nameEn: f.nameEn });

/** A province's own DDCI, or its service-satisfaction family (`kind: 'service'`). */
export async function createFamily(db: Db, actor: Actor, body: CreateFamilyBody): Promise<FamilyDetail> {
  await db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: families.id }).from(families).where(eq(families.code, body.code));
    if (exists) throw taken('/code', 'family', body.code);
    const [f] = await tx
      .insert(families)
      .values({
        code: body.code,
        kind: body.kind ?? 'ddci',
        nameVi: body.nameVi.trim(),
        nameEn: body.nameEn.trim(),
      })
      .returning();
    await tx.insert(familySettings).values({ familyId: f!.id });
    await recordAudit(tx, actor, {
      action: 'family.create',
      entityType: 'family',
      entityId: f!.code,
      familyCode: f!.code,
      after: FAMILY(f!),
    });
  });
  return familyDetail(db, body.code);
}

export async function updateFamily(
  db: Db,
  actor: Actor,
  code: string,
  body: UpdateFamilyBody,
): Promise<FamilyDetail> {
  await db.transaction(async (tx) => {
    const f = await requireFamily(tx, code);
    const [s] = await tx.select().from(familySettings).where(eq(familySettings.familyId, f.id));
    const before = {
      ...FAMILY(f),
      requireFourEyes: s?.requireFourEyes ?? false,
      editionPeriod: s?.editionPeriod ?? null,
    };
    const [after] = await tx
      .update(families)
      .set({ nameVi: body.nameVi?.trim() ?? f.nameVi, nameEn: body.nameEn?.trim() ?? f.nameEn })
      .where(eq(families.id, f.id))
      .returning();
    const fourEyes = body.requireFourEyes ?? before.requireFourEyes;
    const editionPeriod = body.editionPeriod ?? before.editionPeriod;
    await tx
      .insert(familySettings)
      .values({ familyId: f.id, requireFourEyes: fourEyes, editionPeriod })
      .onConflictDoUpdate({
        target: familySettings.familyId,
        set: { requireFourEyes: fourEyes, editionPeriod },
      });
    await recordAudit(tx, actor, {
      action: 'family.update',
      entityType: 'family',
      entityId: code,
      familyCode: code,
      before,
      after: { ...FAMILY(after!), requireFourEyes: fourEyes, editionPeriod },
    });
  });
  return familyDetail(db, code);
}

const BLOCK = (b: typeof blocks.$inferSelect) => ({
  code: b.code,
  nameVi: b.nameVi,
  nameEn: b.nameEn,
  sortOrder: b.sortOrder,
});

export async function createBlock(db: Db, actor: Actor, family: string, body: BlockBody): Promise<void> {
  await db.transaction(async (tx) => {
    const f = await requireFamily(tx, family);
    const exists = await tx
      .select({ id: blocks.id, code: blocks.code })
      .from(blocks)
      .where(eq(blocks.familyId, f.id));
    if (exists.some((b) => b.code === body.code)) throw taken('/code', 'block', body.code);
    const [b] = await tx
      .insert(blocks)
      .values({
        familyId: f.id,
        code: body.code,
        nameVi: body.nameVi.trim(),
        nameEn: body.nameEn.trim(),
        sortOrder: body.sortOrder ?? exists.length,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'block.create',
      entityType: 'block',
      entityId: `${family}/${b!.code}`,
      familyCode: family,
      after: BLOCK(b!),
    });
  });
}

export async function updateBlock(
  db: Db,
  actor: Actor,
  family: string,
  code: string,
  body: Partial<BlockBody>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const f = await requireFamily(tx, family);
    const b = await requireBlock(tx, f.id, code);
    const [after] = await tx
      .update(blocks)
      .set({
        nameVi: body.nameVi?.trim() ?? b.nameVi,
        nameEn: body.nameEn?.trim() ?? b.nameEn,
        sortOrder: body.sortOrder ?? b.sortOrder,
      })
      .where(eq(blocks.id, b.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'block.update',
      entityType: 'block',
      entityId: `${family}/${code}`,
      familyCode: family,
      before: BLOCK(b),
      after: BLOCK(after!),
    });
  });
}
