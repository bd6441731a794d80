import { and, eq, inArray } from 'drizzle-orm';
import type { Methodology } from '#scoring/methodology/types.js';
import type { IndexResult } from '#scoring/types.js';
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
import { upsert } from '#server/db/upsert.js';

const TIER_CODES: Record<string, string> = {
  'Rất tốt': 'excellent',
  Tốt: 'high',
  Khá: 'mid_high',
  'Trung bình': 'average',
  'Tương đối thấp': 'relatively_low',
  Thấp: 'low',
};

export class AlreadyPublished extends Error {}

/**
 * Writes a computed result as the edition's published scores: components and their weights per
 * block, tiers, and per unit the composite (rank, tier) and sub-indices (rank), with the reason
 * for every missing score. An edition that already has scores is left alone unless `replace`.
 */
export async function storeIndexResult(
  db: Db,
  familyCode: string,
  year: number,
  methodology: Methodology,
  result: IndexResult,
  opts: { replace?: boolean } = {},
): Promise<{ scores: number }> {
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const [family] = await tx.select().from(families).where(eq(families.code, familyCode));
    if (!family) throw new Error(`unknown family ${familyCode}`);
    const [edition] = await tx
      .select()
      .from(editions)
      .where(and(eq(editions.familyId, family.id), eq(editions.year, year)));
    if (!edition) throw new Error(`${familyCode} has no edition ${year}`);
    const existing = await tx
      .select({ id: scores.id })
      .from(scores)
      .where(eq(scores.editionId, edition.id))
      .limit(1);
    if (existing.length > 0 && !opts.replace)
      throw new AlreadyPublished(`${familyCode} ${year} already has published scores`);

    const blockRows = await tx.select().from(blocks).where(eq(blocks.familyId, family.id));
    const blockId = new Map(blockRows.map((b) => [b.code, b.id]));
    const unitRows = await tx
      .select()
      .from(units)
      .where(
        inArray(
          units.blockId,
          blockRows.map((b) => b.id),
        ),
      );
    const unitId = new Map(unitRows.map((u) => [`${u.blockId}|${u.code}`, u.id]));

    // Components: the composite, then the root's children in methodology order.
    const root = methodology.tree;
    const named = [
      { code: 'composite', nameVi: methodology.name.vi, nameEn: methodology.name.en },
      ...root.children.map((c) => ({ code: c.code, nameVi: c.name.vi, nameEn: c.name.en })),
    ];
    await upsert(
      tx,
      components,
      named.map((c, i) => ({ familyId: family.id, ...c, sortOrder: i })),
      [components.familyId, components.code],
      ['nameVi', 'nameEn', 'sortOrder'],
    );
    const compRows = await tx.select().from(components).where(eq(components.familyId, family.id));
    const compId = new Map(compRows.map((c) => [c.code, c.id]));

    const labels = methodology.tiers?.labels ?? [];
    const tierCode = (vi: string, i: number) => TIER_CODES[vi] ?? `tier_${i + 1}`;
    await upsert(
      tx,
      tiers,
      labels.map((l, i) => ({
        familyId: family.id,
        code: tierCode(l.vi, i),
        nameVi: l.vi,
        nameEn: l.en,
        sortOrder: i,
      })),
      [tiers.familyId, tiers.code],
      ['nameVi', 'nameEn', 'sortOrder'],
    );

    await tx.delete(scores).where(eq(scores.editionId, edition.id));
    await tx.delete(editionComponents).where(eq(editionComponents.editionId, edition.id));
    await tx
      .insert(editionComponents)
      .values({ editionId: edition.id, componentId: compId.get('composite')!, weight: null, blockId: null });

    const source = `computed: ${result.methodology.id}@${result.methodology.version} sha256:${result.methodology.hash.slice(0, 12)}`;
    const rows: Array<typeof scores.$inferInsert> = [];
    for (const [code, block] of Object.entries(result.blocks)) {
      const bId = blockId.get(code);
      if (bId === undefined)
        throw new Error(`the methodology's block ${code} is not a block of ${familyCode}`);
      const rootNode = block.nodes[block.root]!;
      await tx.insert(editionComponents).values(
        rootNode.children.map((c) => ({
          editionId: edition.id,
          componentId: compId.get(c)!,
          weight: block.nodes[c]!.weight,
          blockId: bId,
        })),
      );
      block.units.forEach((unit, i) => {
        const uId = unitId.get(`${bId}|${unit}`);
        if (uId === undefined) throw new Error(`unit ${code}/${unit} is not in the database`);
        const tier = block.tiers[i];
        rows.push({
          editionId: edition.id,
          unitId: uId,
          componentId: compId.get('composite')!,
          score: rootNode.values[i] ?? null,
          rank: rootNode.ranks[i] ?? null,
          tier: tier ? tierCode(tier.label.vi, tier.index) : null,
          missingReason: rootNode.reasons[i] ?? null,
          source,
        });
        for (const c of rootNode.children) {
          const node = block.nodes[c]!;
          rows.push({
            editionId: edition.id,
            unitId: uId,
            componentId: compId.get(c)!,
            score: node.values[i] ?? null,
            rank: node.ranks[i] ?? null,
            tier: null,
            missingReason: node.reasons[i] ?? null,
            source,
          });
        }
      });
    }
    for (let i = 0; i < rows.length; i += 500) await tx.insert(scores).values(rows.slice(i, i + 500));
    await tx
      .update(editions)
      .set({
        status: 'published',
        methodologyVersion: `${result.methodology.id}@${result.methodology.version}`,
      })
      .where(eq(editions.id, edition.id));
    return { scores: rows.length };
  });
}
