import type { Localized } from '#api/text.js';
import type { FamilyKind } from '#api/admin-setup.js';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { blocks, components, editionComponents, editions, families, tiers } from '#server/db/schema/index.js';
import { upsert } from '#server/db/upsert.js';

interface Named {
  code: string;
  name: Localized;
}

/** A family's fixed structure, shipped as JSON beside its data (e.g. server/data/pci/family.json). */
export interface FamilySpec {
  code: string;
  kind: FamilyKind;
  isDemo?: boolean;
  name: Localized;
  source?: Localized;
  blocks: Named[];
  composite: Named;
  components: Named[];
  tiers: Named[];
  /** Composite weights by range of editions, with the methodology version they belong to. */
  weights: Array<{ from: number; to: number; methodology?: string; weights: Record<string, number> }>;
}

export const readFamilySpec = (file: string): FamilySpec =>
  JSON.parse(readFileSync(file, 'utf8')) as FamilySpec;

export interface FamilyIds {
  familyId: number;
  blockIds: Map<string, number>;
  componentIds: Map<string, number>;
  tierCodes: Map<string, string>;
}

/** Creates or refreshes the family, its blocks, components and tiers (idempotent). */
export async function ensureFamily(db: Db, spec: FamilySpec): Promise<FamilyIds> {
  await upsert(
    db,
    families,
    [
      {
        code: spec.code,
        kind: spec.kind,
        nameVi: spec.name.vi,
        nameEn: spec.name.en,
        isDemo: spec.isDemo ? 1 : 0,
        sourceVi: spec.source?.vi ?? null,
        sourceEn: spec.source?.en ?? null,
      },
    ],
    [families.code],
    ['kind', 'nameVi', 'nameEn', 'isDemo', 'sourceVi', 'sourceEn'],
  );
  const [family] = await db.select({ id: families.id }).from(families).where(eq(families.code, spec.code));
  const familyId = family!.id;
  const named = (list: Named[]) =>
    list.map((b, i) => ({ familyId, code: b.code, nameVi: b.name.vi, nameEn: b.name.en, sortOrder: i }));
  await upsert(
    db,
    blocks,
    named(spec.blocks),
    [blocks.familyId, blocks.code],
    ['nameVi', 'nameEn', 'sortOrder'],
  );
  await upsert(
    db,
    components,
    named([spec.composite, ...spec.components]),
    [components.familyId, components.code],
    ['nameVi', 'nameEn', 'sortOrder'],
  );
  await upsert(db, tiers, named(spec.tiers), [tiers.familyId, tiers.code], ['nameVi', 'nameEn', 'sortOrder']);
  const blockRows = await db.select().from(blocks).where(eq(blocks.familyId, familyId));
  const componentRows = await db.select().from(components).where(eq(components.familyId, familyId));
  return {
    familyId,
    blockIds: new Map(blockRows.map((b) => [b.code, b.id])),
    componentIds: new Map(componentRows.map((c) => [c.code, c.id])),
    tierCodes: new Map(spec.tiers.map((t) => [t.name.vi, t.code])),
  };
}

/** Creates the edition for `year` if needed and records its components and weights. */
export async function ensureEdition(
  db: Db,
  spec: FamilySpec,
  ids: FamilyIds,
  year: number,
  status: 'published' | 'draft' = 'published',
): Promise<number> {
  const period = spec.weights.find((w) => year >= w.from && year <= w.to);
  // An existing edition keeps its status (publishing is not the importer's business).
  await upsert(
    db,
    editions,
    [{ familyId: ids.familyId, year, status, methodologyVersion: period?.methodology ?? null }],
    [editions.familyId, editions.year],
    ['methodologyVersion'],
  );
  const [edition] = await db
    .select({ id: editions.id })
    .from(editions)
    .where(and(eq(editions.familyId, ids.familyId), eq(editions.year, year)));
  const weights = period?.weights ?? {};
  const rows = [
    { editionId: edition!.id, componentId: ids.componentIds.get(spec.composite.code)!, weight: null },
    ...Object.entries(weights).map(([code, weight]) => ({
      editionId: edition!.id,
      componentId: ids.componentIds.get(code)!,
      weight,
    })),
  ];
  await upsert(
    db,
    editionComponents,
    rows,
    [editionComponents.editionId, editionComponents.componentId, editionComponents.blockId],
    ['weight'],
  );
  return edition!.id;
}
