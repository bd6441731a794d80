import { interpolateViridis } from 'd3';

/**
 * A continuous sequential colour scale for composite scores on the map: viridis, reversed so a
 * higher score is darker. Viridis keeps its order in lightness for every common colour-vision
 * deficiency and in greyscale, and none of its colours is the map's neutral no-data grey.
 */
export interface ScoreScale {
  /** The scores mapped to the two ends, rounded outward to whole multiples of `step`. */
  domain: [number, number];
  colour: (value: number | null) => string | null;
  /** Legend ticks: the ends and evenly spaced values between. */
  ticks: number[];
  /** Colour stops along the legend bar, offset 0–1 from low to high. */
  stops: Array<{ offset: number; colour: string }>;
}

const STOPS = 9;

/** The scale over the scores in view (null scores have no colour); pure. */
export function scoreScale(values: readonly (number | null)[], step = 5): ScoreScale {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = present.length ? Math.floor(Math.min(...present) / step) * step : 0;
  let hi = present.length ? Math.ceil(Math.max(...present) / step) * step : 100;
  if (hi <= lo) [lo, hi] = [lo - step, hi + step];
  const at = (t: number) => interpolateViridis(0.95 - 0.9 * Math.min(1, Math.max(0, t)));
  const spans = (hi - lo) / step;
  const every = Math.max(1, Math.ceil(spans / 4));
  const ticks: number[] = [];
  for (let v = lo; hi - v >= (every * step) / 2; v += every * step) ticks.push(v);
  ticks.push(hi);
  return {
    domain: [lo, hi],
    colour: (v) => (v === null || !Number.isFinite(v) ? null : at((v - lo) / (hi - lo))),
    ticks,
    stops: Array.from({ length: STOPS }, (_, i) => ({
      offset: i / (STOPS - 1),
      colour: at(i / (STOPS - 1)),
    })),
  };
}
