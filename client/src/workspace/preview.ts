import { computeIndex } from '#scoring/compute.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { PreviewData } from '#api/admin-methodology.js';
import type { IndicatorTable } from '#scoring/indicators/types.js';
import type { Localized } from '#api/text.js';

export interface PreviewRow {
  code: string;
  name: Localized | null;
  score: number | null;
  rank: number | null;
  /** Rank in the current release minus this rank (positive = moved up), when released. */
  change: number | null;
  /** Best and worst rank when any one sub-index is left out (the sensitivity view). */
  range: [number, number] | null;
}

function blockRanks(m: Methodology, data: PreviewData<IndicatorTable>) {
  const result = computeIndex(m, data.table, { edition: data.table.edition, history: data.history });
  return Object.fromEntries(
    Object.entries(result.blocks).map(([code, b]) => {
      const root = b.nodes[b.root]!;
      return [code, { units: b.units, values: root.values, ranks: root.ranks }];
    }),
  );
}

/**
 * The preview ranking of every block, recomputed in the browser by scoring/: ranks, scores, the
 * change against the current release, and the rank range when each sub-index is removed in turn.
 */
export function previewRanking(
  m: Methodology,
  data: PreviewData<IndicatorTable>,
  sensitivity: boolean,
): Record<string, PreviewRow[]> {
  const main = blockRanks(m, data);
  const names = new Map(data.table.units.map((u) => [`${u.block}/${u.code}`, u.name ?? null]));
  const variants = sensitivity
    ? m.tree.children.map((c) => {
        const copy = structuredClone(m);
        copy.tree.children.find((x) => x.code === c.code)!.weight = 0;
        return blockRanks(copy, data);
      })
    : [];
  const out: Record<string, PreviewRow[]> = {};
  for (const [block, b] of Object.entries(main)) {
    const released = data.released?.[block];
    out[block] = b.units
      .map((code, i) => {
        const rank = b.ranks[i] ?? null;
        const others = variants
          .map((v) => v[block]?.ranks[v[block]!.units.indexOf(code)] ?? null)
          .filter((r): r is number => r !== null);
        const old = released?.[code] ?? null;
        return {
          code,
          name: names.get(`${block}/${code}`) ?? null,
          score: b.values[i] ?? null,
          rank,
          change: old !== null && rank !== null ? old - rank : null,
          range:
            others.length && rank !== null
              ? ([Math.min(rank, ...others), Math.max(rank, ...others)] as [number, number])
              : null,
        };
      })
      .sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9));
  }
  return out;
}
