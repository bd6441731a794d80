import { eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { blocks, unitLineage, units } from '#server/db/schema/index.js';
import { REFORM_2025 } from './demo-units.js';

/**
 * Records the demo province's 1 July 2025 reform as lineage (district → commune, a level change), so
 * a commune's profile shows its district's earlier results and rankings compare across the reform.
 */
export async function insertDemoLineage(db: Db, familyId: number): Promise<void> {
  const rows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .where(eq(blocks.familyId, familyId));
  const id = new Map(rows.map((u) => [u.code, u.id]));
  await db.insert(unitLineage).values(
    REFORM_2025.flatMap(([district, communes]) =>
      communes.map((commune) => ({
        event: 'level_change' as const,
        date: '2025-07-01',
        fromUnitId: id.get(district)!,
        toUnitId: id.get(commune)!,
        noteVi: 'Cải cách chính quyền hai cấp từ 1/7/2025 (dữ liệu minh họa)',
        noteEn: 'Two-tier local government from 1 July 2025 (demo data)',
      })),
    ),
  );
}
