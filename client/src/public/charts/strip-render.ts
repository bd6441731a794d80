import { select, type Selection } from 'd3';
import type { StripState } from './strip-state.js';

type Root = Selection<SVGSVGElement, unknown, null, undefined>;

/** Draws a StripState into an <svg>; only SVG, no state of its own (the element owns events). */
export function renderStrip(
  svg: SVGSVGElement,
  s: StripState,
  highlight: string | null,
  format: (v: number) => string,
): void {
  const root = select(svg)
    .attr('viewBox', `0 0 ${s.width} ${s.height}`)
    .attr('width', s.width)
    .attr('height', s.height);
  root
    .selectAll('rect.band')
    .data(s.bands, (d) => (d as StripState['bands'][number]).code)
    .join('rect')
    .attr('class', 'band')
    .attr('x', s.margin.left)
    .attr('width', s.width - s.margin.left - s.margin.right)
    .attr('y', (d) => d.y0)
    .attr('height', (d) => Math.max(0, d.y1 - d.y0))
    .attr('fill', (d) => d.colour)
    .attr('fill-opacity', 0.1);
  drawTicks(root, s, format);
  drawUnits(root, s, highlight);
}

function drawTicks(root: Root, s: StripState, format: (v: number) => string): void {
  const ticks = root
    .selectAll('g.tick')
    .data(s.ticks, (d) => String((d as StripState['ticks'][number]).value))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line');
      g.append('text');
      return g;
    });
  ticks
    .select('line')
    .attr('x1', s.margin.left)
    .attr('x2', s.width - s.margin.right)
    .attr('y1', (d) => d.y)
    .attr('y2', (d) => d.y);
  ticks
    .select('text')
    .attr('x', s.margin.left - 4)
    .attr('y', (d) => d.y)
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .text((d) => format(d.value));
}

function drawUnits(root: Root, s: StripState, highlight: string | null): void {
  const points = root
    .selectAll('g.unit')
    .data(s.points, (d) => (d as StripState['points'][number]).code)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'unit');
      g.append('line').attr('class', 'whisker');
      g.append('path').attr('class', 'dot');
      return g;
    })
    .attr('data-unit', (d) => d.code)
    .classed('active', (d) => d.code === highlight);
  points
    .select('line.whisker')
    .attr('x1', (d) => d.x)
    .attr('x2', (d) => d.x)
    .attr('y1', (d) => d.y0)
    .attr('y2', (d) => d.y1);
  points
    .select('path.dot')
    .attr('d', (d) => d.symbolPath || 'M-3,0a3,3 0 1,0 6,0a3,3 0 1,0 -6,0')
    .attr('transform', (d) => `translate(${d.x},${d.y})${d.code === highlight ? ' scale(1.8)' : ''}`)
    .attr('fill', (d) => d.colour);
  points.filter((d) => d.code === highlight).raise();
}
