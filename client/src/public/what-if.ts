import type { Ranking } from '#api/releases.js';
import { aggregate } from '#scoring/aggregate/aggregate.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { rank } from '#scoring/rank.js';
import { tier } from '#scoring/tier.js';

export interface WhatIfUnit {
  composite: number | null;
  rank: number | null;
  /** Index into the ranking's tiers (0 = best), when the methodology's tier rule is known. */
  tier: number | null;
  /** Official rank minus what-if rank: positive = the unit moves up under these weights. */
  shift: number | null;
}

export interface WhatIfResult {
  units: Map<string, WhatIfUnit>;
  /** How the composite scale was found: from the methodology, or fitted to the official composites. */
  scale: 'methodology' | 'fitted';
}

/** The parts of a release's methodology that re-weighting needs. */
export type WhatIfMethodology = Pick<Methodology, 'scale' | 'tiers' | 'tree'>;

const nan = (v: number | null | undefined) => (v === null || v === undefined ? NaN : v);

/** Linear map of the sub-index scale onto the composite scale: from the methodology, else fitted. */
function scaleOf(
  mean: Float64Array,
  official: number[],
  m?: WhatIfMethodology | null,
): { map: (v: number) => number; kind: WhatIfResult['scale'] } {
  if (m?.scale) {
    const [a, b] = m.scale.from;
    const [c, d] = m.scale.to;
    return { map: (v) => c + ((v - a) * (d - c)) / (b - a), kind: 'methodology' };
  }
  // Imported releases carry no methodology: fit composite ≈ k · weighted mean (the PCI's ×10).
  const ratios = official.map((o, i) => o / mean[i]!).filter((r) => Number.isFinite(r));
  ratios.sort((x, y) => x - y);
  const k = ratios.length ? ratios[Math.floor(ratios.length / 2)]! : 1;
  return { map: (v) => v * k, kind: 'fitted' };
}

/**
 * The block's composites, ranks and tiers under other sub-index weights, computed in the browser
 * with scoring's own aggregate, rank and tier from the released sub-index scores. Weights are
 * relative (re-normalised over the sub-indices a unit has), as in the methodology.
 */
export function whatIf(
  ranking: Ranking,
  weights: Record<string, number>,
  methodology?: WhatIfMethodology | null,
): WhatIfResult {
  const comps = ranking.components;
  const children = comps.map((c) => Float64Array.from(ranking.rows, (r) => nan(r.scores[c.code])));
  const w = comps.map((c) => weights[c.code] ?? c.weight ?? 0);
  const aggregator = methodology?.tree.aggregator ?? 'arithmetic';
  const base = aggregator === 'copeland' ? 'arithmetic' : aggregator;
  const raw = aggregate(children, w, base, { p: methodology?.tree.p });
  const official = ranking.rows.map((r) => nan(r.composite));
  const officialMean = aggregate(
    children,
    comps.map((c) => c.weight ?? 0),
    base,
    { p: methodology?.tree.p },
  );
  const { map, kind } = scaleOf(officialMean, official, methodology);
  // A unit without an official composite (suppressed, screened) stays without one.
  const values = Array.from(raw, (v, i) => (Number.isNaN(official[i]!) ? NaN : map(v)));
  const ranks = rank(values);
  const tiers = methodology?.tiers ? tier(values, methodology.tiers).tiers : null;
  const units = new Map<string, WhatIfUnit>();
  ranking.rows.forEach((row, i) => {
    const r = Number.isNaN(ranks[i]!) ? null : ranks[i]!;
    units.set(row.unit.code, {
      composite: Number.isNaN(values[i]!) ? null : values[i]!,
      rank: r,
      tier: tiers?.[i]?.index ?? null,
      shift: r !== null && row.rank !== null ? row.rank - r : null,
    });
  });
  return { units, scale: kind };
}
