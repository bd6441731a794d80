import { scaleLinear } from 'd3';

export interface TrendPoint {
  year: number;
  value: number | null;
  interval: [number, number] | null;
  /** The value belongs to a predecessor unit (lineage bridged), drawn dashed and labelled. */
  predecessor: string | null;
}

export interface TrendSeries {
  key: string;
  label: string;
  points: TrendPoint[];
}

export interface TrendLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  years: Array<{ year: number; x: number }>;
  ticks: Array<{ value: number; y: number }>;
  series: Array<{
    key: string;
    label: string;
    colour: string;
    /** Runs of consecutive points with a value: solid for the unit, dashed for predecessors. */
    segments: Array<{ dashed: boolean; points: Array<{ x: number; y: number }> }>;
    dots: Array<{
      x: number;
      y: number;
      y0: number;
      y1: number;
      year: number;
      value: number;
      predecessor: string | null;
    }>;
  }>;
  breaks: Array<{ x: number; year: number; label: string }>;
  lineage: Array<{ x: number; year: number; label: string }>;
}

/** Okabe–Ito: distinguishable under the common colour-vision deficiencies. */
export const SERIES_COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#e69f00',
  '#000000',
  '#8c564b',
  '#7f7f7f',
  '#bcbd22',
];

type Dot = TrendLayout['series'][number]['dots'][number];

function segmentsOf(dots: Dot[]): TrendLayout['series'][number]['segments'] {
  const out: TrendLayout['series'][number]['segments'] = [];
  for (let i = 1; i < dots.length; i++) {
    const a = dots[i - 1]!;
    const b = dots[i]!;
    // The bridge into a successor is dashed: the line crosses a change of unit.
    const dashed = a.predecessor !== null || b.predecessor !== null;
    const last = out.at(-1);
    if (last && last.dashed === dashed && last.points.at(-1)!.x === a.x) last.points.push({ x: b.x, y: b.y });
    else
      out.push({
        dashed,
        points: [
          { x: a.x, y: a.y },
          { x: b.x, y: b.y },
        ],
      });
  }
  return out;
}

/**
 * Layout of a trend chart: editions on x, values on y, one line per series, methodology breaks and
 * lineage events as vertical rules. Pure: no DOM.
 */
export function trendLayout(
  series: readonly TrendSeries[],
  years: readonly number[],
  width: number,
  height: number,
  marks: { breaks: Array<{ year: number; label: string }>; lineage: Array<{ year: number; label: string }> },
): TrendLayout {
  const margin = { top: 14, right: 12, bottom: 24, left: 36 };
  const values = series.flatMap((s) =>
    s.points.flatMap((p) =>
      p.value === null ? [] : [p.interval?.[0] ?? p.value, p.interval?.[1] ?? p.value],
    ),
  );
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 100;
  const pad = Math.max((hi - lo) * 0.08, 0.5);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([height - margin.bottom, margin.top])
    .nice();
  const sorted = [...years].sort((a, b) => a - b);
  const step = (width - margin.left - margin.right) / Math.max(sorted.length, 1);
  const xOf = new Map(sorted.map((yr, i) => [yr, margin.left + step * (i + 0.5)]));
  return {
    width,
    height,
    margin,
    years: sorted.map((year) => ({ year, x: xOf.get(year)! })),
    ticks: y.ticks(Math.max(2, Math.floor(height / 50))).map((value) => ({ value, y: y(value) })),
    series: series.map((s, i) => {
      const dots = s.points
        .filter((p) => p.value !== null && xOf.has(p.year))
        .sort((a, b) => a.year - b.year)
        .map((p) => ({
          x: xOf.get(p.year)!,
          y: y(p.value!),
          y0: y(p.interval?.[0] ?? p.value!),
          y1: y(p.interval?.[1] ?? p.value!),
          year: p.year,
          value: p.value!,
          predecessor: p.predecessor,
        }));
      return {
        key: s.key,
        label: s.label,
        colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
        segments: segmentsOf(dots),
        dots,
      };
    }),
    breaks: marks.breaks
      .filter((b) => xOf.has(b.year))
      .map((b) => ({ ...b, x: xOf.get(b.year)! - step / 2 })),
    lineage: marks.lineage
      .filter((b) => xOf.has(b.year))
      .map((b) => ({ ...b, x: xOf.get(b.year)! - step / 2 })),
  };
}
