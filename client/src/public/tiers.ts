import {
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  symbolWye,
  symbolCross,
  symbolStar,
} from 'd3';
import type { TierRef } from '#api/releases.js';
import { tier } from '#scoring/tier.js';
import type { TierRule } from '#scoring/methodology/types.js';

/**
 * Tier colours, best first: blue to vermilion (Okabe–Ito-like hues that stay apart under the common
 * colour-vision deficiencies). Colour is never the only cue: each tier also has a symbol and its label.
 */
const RAMP = ['#0b4f8a', '#2f7fc1', '#7fb3d9', '#c9b458', '#e08a3c', '#b8461b', '#7a2a10'];
const SYMBOLS = [
  symbolCircle,
  symbolSquare,
  symbolDiamond,
  symbolTriangle,
  symbolWye,
  symbolCross,
  symbolStar,
];

export interface TierBand {
  code: string;
  name: TierRef['name'];
  /** Position, 0 = best. */
  index: number;
  colour: string;
  /** SVG path of the tier's symbol, centred on 0,0 (about 8 px across). */
  symbolPath: string;
  /** Score range of the tier: [lower, upper) from the rule; or the observed range when `observed`. */
  lower: number | null;
  upper: number | null;
  observed: boolean;
}

/** Colour of tier `index` of `count`, spread over the ramp so 3 tiers still run from best to worst. */
export function tierColour(index: number, count: number): string {
  if (count <= 1) return RAMP[0]!;
  return RAMP[Math.round((index * (Math.min(count, RAMP.length) - 1)) / (count - 1))]!;
}

export const tierSymbolPath = (index: number, size = 48): string =>
  symbol(SYMBOLS[index % SYMBOLS.length]!, size)() ?? '';

/**
 * The bands of a block's tiers. With the methodology's rule the cut-offs are those the rule gives on
 * these composites (fixed, quantile or mean ± k·sd, through scoring's `tier`); without it, each band
 * is the observed range of the units in that tier.
 */
export function tierBands(
  tiers: readonly TierRef[],
  composites: ReadonlyArray<{ value: number | null; tier: string | null }>,
  rule?: TierRule | null,
): TierBand[] {
  const cutoffs = rule
    ? tier(
        composites.map((c) => c.value),
        rule,
      ).cutoffs
    : null;
  return tiers.map((t, index) => {
    let lower: number | null = null;
    let upper: number | null = null;
    if (cutoffs && cutoffs.length === tiers.length - 1) {
      lower = index < cutoffs.length ? cutoffs[index]! : null;
      upper = index > 0 ? cutoffs[index - 1]! : null;
    } else {
      const values = composites.filter((c) => c.tier === t.code && c.value !== null).map((c) => c.value!);
      if (values.length) {
        lower = Math.min(...values);
        upper = Math.max(...values);
      }
    }
    return {
      code: t.code,
      name: t.name,
      index,
      colour: tierColour(index, tiers.length),
      symbolPath: tierSymbolPath(index),
      lower,
      upper,
      observed: !(cutoffs && cutoffs.length === tiers.length - 1),
    };
  });
}
