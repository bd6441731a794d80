import { svg, type SVGTemplateResult } from 'lit';
import type { IntervalChartState } from './chart-state.js';

/** Draws an IntervalChartState as SVG; only drawing, no state of its own. */
export function renderIntervals(s: IntervalChartState): SVGTemplateResult {
  const bottom = s.height - s.margin.bottom;
  const thick = Math.max(2, Math.min(6, s.rowHeight - 6));
  return svg`
    <g class="grid">
      ${s.ticks.map(
        (t) => svg`<line x1=${t.x} x2=${t.x} y1=${s.margin.top} y2=${bottom}></line>
          <text x=${t.x} y=${bottom + 14} text-anchor="middle">${t.rank}</text>`,
      )}
    </g>
    ${s.marks.map(
      (m) => svg`<g class="unit" data-unit=${m.code}>
        ${s.labelled ? svg`<text x=${s.margin.left - 6} y=${m.y} dy="0.32em" text-anchor="end">${m.label}</text>` : null}
        <line class="interval" x1=${m.x0} x2=${Math.max(m.x1, m.x0 + 1)} y1=${m.y} y2=${m.y}
          stroke-width=${thick}></line>
        <circle cx=${m.x} cy=${m.y} r=${Math.max(2, thick / 2 + 1)}></circle>
      </g>`,
    )}`;
}
