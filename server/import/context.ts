import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { units } from '#server/db/schema/index.js';
import { ensureFamily, readFamilySpec, type FamilyIds, type FamilySpec } from './family.js';

export const PCI_DATA_DIR = fileURLToPath(new URL('../data/pci/', import.meta.url));
export const UNITS_DATA_DIR = fileURLToPath(new URL('../data/units/', import.meta.url));

export interface UnitRef {
  id: number;
  validFrom: string | null;
  validTo: string | null;
}

/** What every PCI import kind needs: the family's ids and its province units by code. */
export interface PciContext {
  spec: FamilySpec;
  ids: FamilyIds;
  provincesBlockId: number;
  provinces: Map<string, UnitRef>;
}

export async function loadPciContext(db: Db): Promise<PciContext> {
  const spec = readFamilySpec(path.join(PCI_DATA_DIR, 'family.json'));
  const ids = await ensureFamily(db, spec);
  const provincesBlockId = ids.blockIds.get('provinces')!;
  const rows = await db
    .select({ id: units.id, code: units.code, validFrom: units.validFrom, validTo: units.validTo })
    .from(units)
    .where(eq(units.blockId, provincesBlockId));
  return {
    spec,
    ids,
    provincesBlockId,
    provinces: new Map(rows.map((r) => [r.code, { id: r.id, validFrom: r.validFrom, validTo: r.validTo }])),
  };
}

/** Whether a unit existed at some point during `year`. */
export function existedIn(unit: UnitRef, year: number): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= `${year}-12-31`) &&
    (unit.validTo === null || unit.validTo >= `${year}-01-01`)
  );
}

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
