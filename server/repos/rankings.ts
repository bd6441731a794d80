import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Localized } from '#api/text.js';
import type { Db } from '#server/db/client.js';
import {
  blocks,
  components,
  editionComponents,
  editions,
  families,
  scores,
  tiers,
  units,
} from '#server/db/schema/index.js';

// The edition's working scores as stored in `scores` (imported from a published source, or stored
// by the score command). Never served as is: the public reads releases (server/releases), which
// take imported editions from here.

export interface StoredScoreRow {
  rank: number | null;
  unit: { code: string; name: Localized };
  composite: number | null;
  /** Why the composite is missing (e.g. unit-suppressed: too few respondents), when it is. */
  reason: string | null;
  tier: { code: string; name: Localized } | null;
  /** Sub-index scores by component code; null where the unit has no score. */
  scores: Record<string, number | null>;
  /** Competition rank of each sub-index within the block (ties share the lowest rank). */
  ranks: Record<string, number | null>;
  /** Why each sub-index is missing, by component code. */
  reasons: Record<string, string | null>;
}

export interface StoredScores {
  family: { code: string; name: Localized; isDemo: boolean };
  year: number;
  status: string;
  block: { code: string; name: Localized };
  composite: { code: string; name: Localized };
  components: Array<{ code: string; name: Localized; weight: number | null }>;
  tiers: Array<{ code: string; name: Localized }>;
  rows: StoredScoreRow[];
}

type EditionRow = NonNullable<Awaited<ReturnType<typeof findEdition>>>;
type BlockRow = typeof blocks.$inferSelect;
type ComponentRow = Awaited<ReturnType<typeof blockComponents>>['subComps'][number];
type ScoreRow = Awaited<ReturnType<typeof blockScores>>[number];

/** The edition of a family and year, with its family. */
async function findEdition(db: Db, familyCode: string, year: number) {
  const [edition] = await db
    .select({
      id: editions.id,
      status: editions.status,
      familyId: families.id,
      fCode: families.code,
      fVi: families.nameVi,
      fEn: families.nameEn,
      isDemo: families.isDemo,
    })
    .from(editions)
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(and(eq(families.code, familyCode), eq(editions.year, year)));
  return edition;
}

/** The named block of the family, or its first block when none is named. */
async function findBlock(db: Db, familyId: number, blockCode?: string): Promise<BlockRow | undefined> {
  const blockRows = await db
    .select()
    .from(blocks)
    .where(eq(blocks.familyId, familyId))
    .orderBy(asc(blocks.sortOrder));
  return blockCode ? blockRows.find((b) => b.code === blockCode) : blockRows[0];
}

/** The edition's composite component and the sub-indices that apply to the block. */
async function blockComponents(db: Db, editionId: number, blockId: number) {
  const comps = await db
    .select({
      id: components.id,
      code: components.code,
      vi: components.nameVi,
      en: components.nameEn,
      weight: editionComponents.weight,
      blockId: editionComponents.blockId,
    })
    .from(editionComponents)
    .innerJoin(components, eq(components.id, editionComponents.componentId))
    .where(
      and(
        eq(editionComponents.editionId, editionId),
        or(isNull(editionComponents.blockId), eq(editionComponents.blockId, blockId)),
      ),
    )
    .orderBy(asc(components.sortOrder));
  const compositeComp = comps.find((c) => c.weight === null);
  // A block with its own component set (DDCI localities add land access) overrides the shared list.
  const ownSet = comps.some((c) => c.blockId === blockId && c.weight !== null);
  const subComps = comps.filter((c) => c.weight !== null && (c.blockId === blockId || !ownSet));
  return { compositeComp, subComps };
}

/** The family's tiers by code, in their order. */
async function tiersByCode(db: Db, familyId: number) {
  const tierRows = await db
    .select()
    .from(tiers)
    .where(eq(tiers.familyId, familyId))
    .orderBy(asc(tiers.sortOrder));
  return new Map(tierRows.map((t) => [t.code, { code: t.code, name: { vi: t.nameVi, en: t.nameEn } }]));
}

/** Every stored score of the block's units in the edition, with derived sub-index ranks. */
function blockScores(db: Db, editionId: number, blockId: number) {
  return db
    .select({
      unitCode: units.code,
      unitVi: units.nameVi,
      unitEn: units.nameEn,
      componentId: scores.componentId,
      score: scores.score,
      rank: scores.rank,
      tier: scores.tier,
      missingReason: scores.missingReason,
      // Sub-index ranks are not published; derive competition ranks within the block.
      derivedRank: sql<
        number | null
      >`case when ${scores.score} is null then null else rank() over (partition by ${scores.componentId} order by ${scores.score} desc nulls last) end`,
    })
    .from(scores)
    .innerJoin(units, eq(units.id, scores.unitId))
    .where(and(eq(scores.editionId, editionId), eq(units.blockId, blockId)));
}

/** An empty row of a unit: every sub-index present and null. */
function emptyRow(r: ScoreRow, subComps: ComponentRow[]): StoredScoreRow {
  const row: StoredScoreRow = {
    rank: null,
    unit: { code: r.unitCode, name: { vi: r.unitVi, en: r.unitEn } },
    composite: null,
    reason: null,
    tier: null,
    scores: {},
    ranks: {},
    reasons: {},
  };
  for (const c of subComps) {
    row.scores[c.code] = null;
    row.ranks[c.code] = null;
    row.reasons[c.code] = null;
  }
  return row;
}

/** One row per unit from its score rows, sorted by rank, then by Vietnamese name. */
function unitRows(
  scoreRows: ScoreRow[],
  compositeComp: ComponentRow | undefined,
  subComps: ComponentRow[],
  tierByCode: Map<string, { code: string; name: Localized }>,
): StoredScoreRow[] {
  const byUnit = new Map<string, StoredScoreRow>();
  for (const r of scoreRows) {
    let row = byUnit.get(r.unitCode);
    if (!row) {
      row = emptyRow(r, subComps);
      byUnit.set(r.unitCode, row);
    }
    if (r.componentId === compositeComp?.id) {
      row.composite = r.score;
      row.reason = r.missingReason;
      row.rank = r.rank ?? (r.derivedRank === null ? null : Number(r.derivedRank));
      row.tier = r.tier ? (tierByCode.get(r.tier) ?? null) : null;
    } else {
      const c = subComps.find((s) => s.id === r.componentId);
      if (c) {
        row.scores[c.code] = r.score;
        row.ranks[c.code] = r.derivedRank === null ? null : Number(r.derivedRank);
        row.reasons[c.code] = r.missingReason;
      }
    }
  }
  return [...byUnit.values()].sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit.name.vi.localeCompare(b.unit.name.vi, 'vi'),
  );
}

const localized = (x: Localized): Localized => ({ vi: x.vi, en: x.en });

/** The stored scores of one block in one edition, sorted by rank; undefined if there are none. */
export async function getStoredScores(
  db: Db,
  familyCode: string,
  year: number,
  blockCode?: string,
): Promise<StoredScores | undefined> {
  const edition: EditionRow | undefined = await findEdition(db, familyCode, year);
  if (!edition) return undefined;
  const block = await findBlock(db, edition.familyId, blockCode);
  if (!block) return undefined;
  const { compositeComp, subComps } = await blockComponents(db, edition.id, block.id);
  const tierByCode = await tiersByCode(db, edition.familyId);
  const scoreRows = await blockScores(db, edition.id, block.id);
  return {
    family: { code: edition.fCode, name: { vi: edition.fVi, en: edition.fEn }, isDemo: edition.isDemo === 1 },
    year,
    status: edition.status,
    block: { code: block.code, name: { vi: block.nameVi, en: block.nameEn } },
    composite: compositeComp
      ? { code: compositeComp.code, name: localized(compositeComp) }
      : { code: 'composite', name: { vi: 'Tổng hợp', en: 'Composite' } },
    components: subComps.map((c) => ({ code: c.code, name: localized(c), weight: c.weight })),
    tiers: [...tierByCode.values()],
    rows: unitRows(scoreRows, compositeComp, subComps, tierByCode),
  };
}
