import type { RobustRow } from './rows.js';

export interface IntervalMark {
  code: string;
  label: string;
  y: number;
  /** Nominal rank, and the ends of the 5–95 % interval. */
  x: number;
  x0: number;
  x1: number;
}

export interface IntervalChartState {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  rowHeight: number;
  /** Whether rows are tall enough for a name beside each. */
  labelled: boolean;
  marks: IntervalMark[];
  ticks: Array<{ x: number; rank: number }>;
}

const LABEL_CHARS = 24;
const short = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

/** Round rank ticks: 1, then multiples of a step giving about five of them, and the last rank. */
function rankTicks(units: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => units / s <= 5) ?? 1000;
  const ticks = [1];
  for (let r = step; r < units; r += step) if (r > 1) ticks.push(r);
  if (units > 1) ticks.push(units);
  return ticks;
}

/**
 * Layout of the rank-interval chart: one row per ranked unit (best first), rank 1 at the left, the
 * nominal rank as a dot and the Monte Carlo 5–95 % interval as a bar. Narrow screens drop the names
 * to a smaller margin; many units get thin rows without names. Pure: no DOM.
 */
export function intervalChartState(
  rows: readonly RobustRow[],
  width: number,
  label: (r: RobustRow) => string,
) {
  const ranked = rows.filter((r) => r.nominal !== null);
  const units = Math.max(1, ...ranked.map((r) => Math.max(r.nominal!, r.upper ?? 0)));
  const rowHeight = ranked.length > 60 ? 6 : 16;
  const labelled = rowHeight >= 12;
  const left = labelled ? (width < 500 ? 110 : 190) : 12;
  const margin = { top: 6, right: 14, bottom: 22, left };
  const inner = Math.max(10, width - margin.left - margin.right);
  const xOf = (rank: number) => margin.left + (units === 1 ? inner / 2 : ((rank - 1) / (units - 1)) * inner);
  const marks: IntervalMark[] = ranked.map((r, i) => ({
    code: r.code,
    label: short(label(r)),
    y: margin.top + (i + 0.5) * rowHeight,
    x: xOf(r.nominal!),
    x0: xOf(r.lower ?? r.nominal!),
    x1: xOf(r.upper ?? r.nominal!),
  }));
  const state: IntervalChartState = {
    width,
    height: margin.top + ranked.length * rowHeight + margin.bottom,
    margin,
    rowHeight,
    labelled,
    marks,
    ticks: rankTicks(units).map((rank) => ({ rank, x: xOf(rank) })),
  };
  return state;
}
