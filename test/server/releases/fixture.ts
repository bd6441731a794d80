import type { ReleaseBlock, ReleaseMethodology } from '#api/releases.js';
import { contentHash } from '#api/canonical-json.js';
import type { Db } from '#server/db/client.js';
import { blocks, editions, families, unitLineage, units } from '#server/db/schema/index.js';
import type { ReleaseDraft } from '#server/releases/publish.js';

export const FAMILY = 'ddci-test';

/** A small family: one block, units A, B, OLD (merged into B on 2024-01-01), editions 2023–2025. */
export async function createTestFamily(db: Db): Promise<void> {
  const [f] = await db
    .insert(families)
    .values({ code: FAMILY, kind: 'ddci', nameVi: 'DDCI Thử', nameEn: 'Test DDCI', isDemo: 1 })
    .returning();
  const [b] = await db
    .insert(blocks)
    .values({ familyId: f!.id, code: 'departments', nameVi: 'Sở, ngành', nameEn: 'Departments' })
    .returning();
  const rows = await db
    .insert(units)
    .values([
      { blockId: b!.id, code: 'A', nameVi: 'Sở A', nameEn: 'Department A' },
      { blockId: b!.id, code: 'B', nameVi: 'Sở B', nameEn: 'Department B' },
      { blockId: b!.id, code: 'OLD', nameVi: 'Sở Cũ', nameEn: 'Old Department', validTo: '2023-12-31' },
    ])
    .returning();
  const id = (code: string) => rows.find((u) => u.code === code)!.id;
  await db
    .insert(unitLineage)
    .values({ event: 'merge', date: '2024-01-01', fromUnitId: id('OLD'), toUnitId: id('B') });
  await db.insert(editions).values([2023, 2024, 2025].map((year) => ({ familyId: f!.id, year })));
}

const cell = (value: number | null, rank: number | null) => ({
  value,
  rank,
  reason: value === null ? 'unit-suppressed' : null,
  interval: value === null ? null : ([value - 2, value + 2] as [number, number]),
  rankRange: rank === null ? null : ([rank, rank + 1] as [number, number]),
});

/** A draft with the given composites by unit code (ranked by value). */
export function draft(
  year: number,
  composites: Record<string, number | null>,
  extra: Partial<ReleaseDraft> = {},
): ReleaseDraft {
  const sorted = Object.entries(composites).sort((a, b) => (b[1] ?? -1) - (a[1] ?? -1));
  const block: ReleaseBlock = {
    code: 'departments',
    name: { vi: 'Sở, ngành', en: 'Departments' },
    composite: { code: 'composite', name: { vi: `DDCI Thử ${year}`, en: `Test DDCI ${year}` }, weight: null },
    components: [{ code: 'transparency', name: { vi: 'Minh bạch', en: 'Transparency' }, weight: 1 }],
    tiers: [{ code: 'high', name: { vi: 'Tốt', en: 'High' } }],
    uncertainty: {
      method: 'respondents-within-unit',
      resamples: 100,
      interval: [2.5, 97.5],
      rankInterval: [5, 95],
    },
    units: sorted.map(([code, v], i) => ({
      code,
      name: { vi: `Sở ${code}`, en: `Department ${code}` },
      n: 40,
      composite: cell(v, v === null ? null : i + 1),
      tier: v === null ? null : { code: 'high', name: { vi: 'Tốt', en: 'High' } },
      change: null,
      subIndices: { transparency: cell(v === null ? null : v / 10, v === null ? null : i + 1) },
    })),
  };
  const document = { id: 'test', weights: { transparency: 1 } };
  const methodology: ReleaseMethodology = { id: 'test', version: '1', hash: contentHash(document), document };
  return { family: FAMILY, year, blocks: [block], methodology, origin: { kind: 'computed' }, ...extra };
}
