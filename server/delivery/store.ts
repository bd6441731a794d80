import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { DeliveryImportResult, DeliveryList } from '#api/delivery.js';
import { periodKey } from '#api/periods.js';
import type { HardData } from '#scoring/indicators/index.js';
import { recordAudit } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { Sheet } from '#server/collection/import-read.js';
import { importFailed } from '#server/collection/import-run.js';
import type { Db } from '#server/db/client.js';
import { blocks, serviceDelivery, units } from '#server/db/schema/index.js';
import { requireFamily } from '#server/setup/lookup.js';
import { checkDeliverySheet, type CentreRef, type DeliveryRecord } from './rows.js';

async function centresOf(db: Db, familyId: number): Promise<CentreRef[]> {
  return db
    .select({
      id: units.id,
      block: blocks.code,
      code: units.code,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .where(eq(blocks.familyId, familyId));
}

/** Stores the records (a centre and month already stored is replaced), in the caller's transaction. */
export async function storeDelivery(tx: Db, records: DeliveryRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    await tx
      .insert(serviceDelivery)
      .values(records.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [serviceDelivery.unitId, serviceDelivery.period],
        set: {
          received: sql`excluded.received`,
          onTime: sql`excluded.on_time`,
          online: sql`excluded.online`,
          eResult: sql`excluded.e_result`,
          importedAt: sql`now()`,
        },
      });
  }
}

/**
 * Imports a delivery-data sheet for a family: every row is checked first; any problem rejects the
 * whole file (422, one entry per problem with line, column and message) and nothing is written.
 * Re-importing a corrected file replaces the figures of the centres and months it names.
 */
export async function importDelivery(
  db: Db,
  actor: Actor,
  familyCode: string,
  sheet: Sheet,
  today = new Date().toISOString().slice(0, 10),
): Promise<DeliveryImportResult> {
  const family = await requireFamily(db, familyCode);
  const { records, errors } = checkDeliverySheet(sheet, await centresOf(db, family.id), today);
  if (errors.length > 0) throw importFailed(errors);
  const months = [...new Set(records.map((r) => r.period))].sort((a, b) => a - b).map(periodKey);
  await db.transaction(async (tx) => {
    await storeDelivery(tx as unknown as Db, records);
    await recordAudit(tx as unknown as Db, actor, {
      action: 'delivery.import',
      entityType: 'family',
      entityId: family.code,
      familyCode: family.code,
      after: { rows: records.length, months },
    });
  });
  return { imported: records.length, months };
}

/** Stored figures of a family, optionally of one month (YYYYMM), by block, centre and month. */
export async function listDelivery(db: Db, familyCode: string, period?: number): Promise<DeliveryList> {
  const family = await requireFamily(db, familyCode);
  const rows = await db
    .select({ d: serviceDelivery, block: blocks.code, centre: units.code })
    .from(serviceDelivery)
    .innerJoin(units, eq(units.id, serviceDelivery.unitId))
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .where(
      and(
        eq(blocks.familyId, family.id),
        period === undefined ? undefined : eq(serviceDelivery.period, period),
      ),
    )
    .orderBy(asc(blocks.code), asc(units.code), asc(serviceDelivery.period));
  return {
    family: family.code,
    rows: rows.map(({ d, block, centre }) => ({
      block,
      centre,
      month: periodKey(d.period),
      received: d.received,
      onTime: d.onTime,
      online: d.online,
      eResult: d.eResult,
    })),
  };
}

/** A share over several months, weighted by procedures received where known. */
function pooledShare(rows: DeliveryRecord[], key: 'onTime' | 'online' | 'eResult'): number | null {
  let sum = 0;
  let weight = 0;
  for (const r of rows) {
    const v = r[key];
    if (v === null) continue;
    const w = r.received ?? 1;
    sum += v * w;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

/**
 * The family's delivery figures over the months [first, last] (YYYYMM) as the engine's hard data:
 * series code → unit code → value. Several months (a quarter) add up procedures received and weight
 * the shares by them.
 */
export async function deliveryHardData(
  db: Db,
  familyId: number,
  [first, last]: [number, number],
): Promise<HardData> {
  const rows = await db
    .select({ d: serviceDelivery, code: units.code })
    .from(serviceDelivery)
    .innerJoin(units, eq(units.id, serviceDelivery.unitId))
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .where(and(eq(blocks.familyId, familyId), between(serviceDelivery.period, first, last)));
  const byUnit = new Map<string, DeliveryRecord[]>();
  for (const { d, code } of rows) byUnit.set(code, [...(byUnit.get(code) ?? []), d]);
  const hard: HardData = { received: {}, on_time: {}, online: {}, e_result: {} };
  for (const [code, list] of byUnit) {
    const counts = list.map((r) => r.received).filter((v): v is number => v !== null);
    hard.received![code] = counts.length ? counts.reduce((a, b) => a + b, 0) : null;
    hard.on_time![code] = pooledShare(list, 'onTime');
    hard.online![code] = pooledShare(list, 'online');
    hard.e_result![code] = pooledShare(list, 'eResult');
  }
  return hard;
}
