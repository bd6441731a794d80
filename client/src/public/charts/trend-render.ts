import { line, select, type Selection } from 'd3';
import type { TrendLayout } from './trend-state.js';
import { isPeriod } from '#api/periods.js';

type Series = TrendLayout['series'][number];
type Root = Selection<SVGSVGElement, unknown, null, undefined>;

/** Draws a TrendLayout into an <svg>: axes, break and lineage rules, lines, whiskers and dots. */
export function renderTrend(svg: SVGSVGElement, t: TrendLayout, format: (v: number) => string): void {
  const root = select(svg)
    .attr('viewBox', `0 0 ${t.width} ${t.height}`)
    .attr('width', t.width)
    .attr('height', t.height);
  root.selectAll('*').remove();
  drawAxes(root, t, format);
  drawSeries(root, t);
}

/** A year as itself; a month as its number, with the year on the first tick and on January. */
function tickLabel(edition: number, i: number): string {
  if (!isPeriod(edition)) return String(edition);
  const month = edition % 100;
  return i === 0 || month === 1 ? `${month}/${Math.floor(edition / 100)}` : String(month);
}

function drawAxes(root: Root, t: TrendLayout, format: (v: number) => string): void {
  const grid = root.append('g').attr('class', 'grid');
  for (const tick of t.ticks) {
    grid
      .append('line')
      .attr('x1', t.margin.left)
      .attr('x2', t.width - t.margin.right)
      .attr('y1', tick.y)
      .attr('y2', tick.y);
    grid
      .append('text')
      .attr('x', t.margin.left - 4)
      .attr('y', tick.y)
      .attr('dy', '0.32em')
      .attr('text-anchor', 'end')
      .text(format(tick.value));
  }
  const every = Math.ceil(t.years.length / Math.max(1, Math.floor((t.width - 50) / 38)));
  t.years.forEach((yr, i) => {
    if (i % every === 0)
      grid
        .append('text')
        .attr('x', yr.x)
        .attr('y', t.height - 6)
        .attr('text-anchor', 'middle')
        .text(tickLabel(yr.year, i));
  });
  const rule = (cls: string, x: number, label: string, dy: number) => {
    const g = root.append('g').attr('class', cls);
    g.append('line')
      .attr('x1', x)
      .attr('x2', x)
      .attr('y1', t.margin.top - 4)
      .attr('y2', t.height - t.margin.bottom);
    // Labels right of the middle run leftwards, so none spills past the chart.
    const left = x > t.width / 2;
    g.append('text')
      .attr('x', left ? x - 3 : x + 3)
      .attr('text-anchor', left ? 'end' : 'start')
      .attr('y', t.margin.top + dy)
      .text(label);
  };
  t.breaks.forEach((b) => rule('break', b.x, b.label, 4));
  t.lineage.forEach((b) => rule('lineage', b.x, b.label, 16));
}

function drawSeries(root: Root, t: TrendLayout): void {
  const path = line<{ x: number; y: number }>()
    .x((d) => d.x)
    .y((d) => d.y);
  const groups = root
    .selectAll<SVGGElement, Series>('g.series')
    .data(t.series)
    .join('g')
    .attr('class', 'series')
    .attr('data-series', (d) => d.key)
    .style('color', (d) => d.colour);
  groups.each(function (s) {
    const g = select(this);
    for (const seg of s.segments)
      g.append('path')
        .attr('class', seg.dashed ? 'line bridged' : 'line')
        .attr('d', path(seg.points));
    for (const d of s.dots) {
      if (d.y0 !== d.y1)
        g.append('line')
          .attr('class', 'whisker')
          .attr('x1', d.x)
          .attr('x2', d.x)
          .attr('y1', d.y0)
          .attr('y2', d.y1);
      g.append('circle')
        .attr('class', d.predecessor ? 'dot pre' : 'dot')
        .attr('cx', d.x)
        .attr('cy', d.y)
        .attr('r', 3.5)
        .attr('data-year', d.year);
    }
  });
}
