import type { IndicatorCell, ReleaseIndicator } from '#api/release-indicators.js';
import type { ProfileEntry } from '#api/releases.js';
import type { Localized } from '#api/text.js';

/**
 * The explanation chain of one unit's composite in one release, read from the release alone:
 * composite ← sub-indices (score × weight) ← indicators (raw value → normalised score × weight).
 *
 * Weights follow scoring/explain's rule for an arithmetic mean: a missing child is dropped and its
 * siblings' weights are re-normalised, so `weightUsed` is the share a child actually had for this
 * unit. Sub-indices are on a 10-point scale and the composite on 100 (`COMPOSITE_FACTOR`), so a
 * sub-index adds `weightUsed × score × 10` points; an indicator adds its share of its sub-index's
 * points. Where the published composite is not that weighted sum (a non-arithmetic aggregator, or
 * a rounded published source), `gap` says by how much, and the page says so.
 */
export const COMPOSITE_FACTOR = 10;

export interface ChainIndicator {
  code: string;
  name: Localized;
  direction: 1 | -1;
  statistic: string | null;
  item: string | null;
  cell: IndicatorCell;
  /** Nominal weight among its siblings, and the share it had within its sub-index for this unit. */
  weight: number;
  weightUsed: number;
  /** Points this indicator adds to its sub-index (score × weightUsed), and to the composite. */
  points: number | null;
  compositePoints: number | null;
}

export interface ChainComponent {
  code: string;
  name: Localized;
  value: number | null;
  rank: number | null;
  reason: string | null;
  weight: number;
  weightUsed: number;
  /** Points this sub-index adds to the composite. */
  points: number | null;
  indicators: ChainIndicator[];
}

export interface Chain {
  composite: number | null;
  components: ChainComponent[];
  /** Sum of the sub-indices' points. */
  total: number | null;
  /** Published composite minus `total`; null when either is missing. */
  gap: number | null;
  /** False when the release carries no indicator values (e.g. imported published scores). */
  hasIndicators: boolean;
}

/** Shares of `weights` among the entries whose value is present (0 for the missing ones). */
function shares(items: Array<{ weight: number; present: boolean }>): number[] {
  const total = items.reduce((s, x) => s + (x.present ? x.weight : 0), 0);
  return items.map((x) => (x.present && total > 0 ? x.weight / total : 0));
}

function indicatorsOf(
  component: string,
  list: readonly ReleaseIndicator[],
  values: Record<string, IndicatorCell>,
  componentPoints: number | null,
): ChainIndicator[] {
  const mine = list.filter((i) => i.component === component);
  const cells = mine.map(
    (i): IndicatorCell =>
      values[i.code] ?? { raw: null, score: null, rank: null, n: null, reason: 'missing' },
  );
  // Within a sub-index the effective weights give each indicator's share, also under nested groups.
  const used = shares(mine.map((i, k) => ({ weight: i.effectiveWeight, present: cells[k]!.score !== null })));
  const subTotal = mine.reduce((s, _, k) => s + used[k]! * (cells[k]!.score ?? 0), 0);
  return mine.map((i, k) => {
    const score = cells[k]!.score;
    const points = score === null ? null : used[k]! * score;
    return {
      code: i.code,
      name: i.name,
      direction: i.direction,
      statistic: i.statistic,
      item: i.item,
      cell: cells[k]!,
      weight: i.weight,
      weightUsed: used[k]!,
      points,
      compositePoints:
        points === null || componentPoints === null || subTotal === 0
          ? null
          : (componentPoints * points) / subTotal,
    };
  });
}

/** The chain behind `entry.composite`; pure. */
export function explainChain(entry: ProfileEntry): Chain {
  const list = entry.indicators ?? [];
  const values = entry.indicatorValues ?? {};
  const cells = entry.components.map((c) => entry.subIndices[c.code]);
  const used = shares(
    entry.components.map((c, k) => ({
      weight: c.weight ?? 0,
      present: cells[k]?.value !== null && cells[k]?.value !== undefined,
    })),
  );
  const components = entry.components.map((c, k): ChainComponent => {
    const cell = cells[k];
    const value = cell?.value ?? null;
    const points = value === null ? null : used[k]! * value * COMPOSITE_FACTOR;
    return {
      code: c.code,
      name: c.name,
      value,
      rank: cell?.rank ?? null,
      reason: cell?.reason ?? null,
      weight: c.weight ?? 0,
      weightUsed: used[k]!,
      points,
      indicators: indicatorsOf(c.code, list, values, points),
    };
  });
  const scored = components.filter((c) => c.points !== null);
  const total = scored.length ? scored.reduce((s, c) => s + c.points!, 0) : null;
  const composite = entry.composite.value;
  return {
    composite,
    components,
    total,
    gap: composite === null || total === null ? null : composite - total,
    hasIndicators: list.length > 0 && Object.keys(values).length > 0,
  };
}
