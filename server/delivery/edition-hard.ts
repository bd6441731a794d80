import { eq } from 'drizzle-orm';
import { isPeriod, periodMonths, type EditionPeriod } from '#api/periods.js';
import type { HardData } from '#scoring/indicators/index.js';
import type { Db } from '#server/db/client.js';
import { families, familySettings } from '#server/db/schema/index.js';
import { deliveryHardData } from './store.js';

/** How often a family publishes: its setting, month by default for a service family, else by year. */
export async function familyPeriod(db: Db, family: string): Promise<EditionPeriod> {
  const [row] = await db
    .select({ kind: families.kind, period: familySettings.editionPeriod })
    .from(families)
    .leftJoin(familySettings, eq(familySettings.familyId, families.id))
    .where(eq(families.code, family));
  if (row?.period) return row.period;
  return row?.kind === 'service' ? 'month' : 'year';
}

/**
 * The hard data of a monthly or quarterly edition (YYYYMM): the family's delivery figures over the
 * edition's months. A yearly edition has none (undefined), so every other family scores as before.
 */
export async function editionHardData(db: Db, family: string, year: number): Promise<HardData | undefined> {
  if (!isPeriod(year)) return undefined;
  const [row] = await db.select({ id: families.id }).from(families).where(eq(families.code, family));
  if (!row) return undefined;
  return deliveryHardData(db, row.id, periodMonths(year, await familyPeriod(db, family)));
}
