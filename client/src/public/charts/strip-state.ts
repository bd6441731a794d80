import { scaleLinear } from 'd3';
import type { TierBand } from '#client/src/public/tiers.js';

/** One unit as the strip chart sees it. */
export interface StripDatum {
  code: string;
  label: string;
  value: number | null;
  interval: [number, number] | null;
  tier: number | null;
}

export interface StripPoint {
  code: string;
  label: string;
  value: number;
  x: number;
  y: number;
  /** Whisker ends (the interval), equal to y when there is none. */
  y0: number;
  y1: number;
  colour: string;
  symbolPath: string;
}

export interface StripState {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  points: StripPoint[];
  ticks: Array<{ y: number; value: number }>;
  bands: Array<{ y0: number; y1: number; colour: string; code: string }>;
}

const NEUTRAL = '#5b6675';

/**
 * Layout of the strip chart: units left to right by composite (best first), the composite on the
 * vertical axis with its interval as a whisker, tier bands behind. Pure: no DOM.
 */
export function stripState(
  data: readonly StripDatum[],
  bands: readonly TierBand[],
  width: number,
  height: number,
): StripState {
  const margin = { top: 10, right: 8, bottom: 10, left: 36 };
  const scored = data.filter((d) => d.value !== null).sort((a, b) => b.value! - a.value!);
  const lows = scored.map((d) => d.interval?.[0] ?? d.value!);
  const highs = scored.map((d) => d.interval?.[1] ?? d.value!);
  const lo = lows.length ? Math.min(...lows) : 0;
  const hi = highs.length ? Math.max(...highs) : 100;
  const pad = Math.max((hi - lo) * 0.06, 0.5);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([height - margin.bottom, margin.top])
    .nice();
  const inner = width - margin.left - margin.right;
  const step = scored.length ? inner / scored.length : inner;
  const byIndex = new Map(bands.map((b) => [b.index, b]));
  const points = scored.map((d, i): StripPoint => {
    const band = d.tier === null ? undefined : byIndex.get(d.tier);
    return {
      code: d.code,
      label: d.label,
      value: d.value!,
      x: margin.left + step * (i + 0.5),
      y: y(d.value!),
      y0: y(d.interval?.[0] ?? d.value!),
      y1: y(d.interval?.[1] ?? d.value!),
      colour: band?.colour ?? NEUTRAL,
      symbolPath: band?.symbolPath ?? '',
    };
  });
  const [d0, d1] = y.domain() as [number, number];
  const clamp = (v: number) => Math.min(Math.max(v, d0), d1);
  const shown = bands.filter((b) => !b.observed && (b.lower !== null || b.upper !== null));
  return {
    width,
    height,
    margin,
    points,
    ticks: y.ticks(Math.max(2, Math.floor(height / 45))).map((value) => ({ value, y: y(value) })),
    bands: shown.map((b) => ({
      code: b.code,
      colour: b.colour,
      y0: y(clamp(b.upper ?? d1)),
      y1: y(clamp(b.lower ?? d0)),
    })),
  };
}
