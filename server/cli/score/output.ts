// Score results → CSV (one row per unit) or JSON. CSV text cells that a spreadsheet would run as a formula
// (starting with = + - @ or a tab/CR) get a leading apostrophe; numbers are written in full (shortest round-trip).

import type { SensitivityResult } from '#scoring/sensitivity.js';
import type { Cell, IndexResult } from '#scoring/types.js';

/**
 * formatCsv(result, sensitivity?) — block, unit, rank, composite, tier, then every other aggregate (the union over
 * blocks, empty where a block does not score it), then the Monte Carlo rank median, range, mean and mean absolute
 * shift if given.
 */
export function formatCsv(result: IndexResult, sensitivity?: SensitivityResult): string {
  const blocks = Object.values(result.blocks);
  const root = blocks[0]?.root ?? 'index';
  const aggregates = [
    ...new Set(
      blocks.flatMap((b) =>
        Object.values(b.nodes)
          .filter((n) => n.type !== 'indicator' && n.code !== b.root)
          .map((n) => n.code),
      ),
    ),
  ];
  const header = ['block', 'unit', 'rank', root, 'tier', ...aggregates];
  if (sensitivity) header.push('rank_median', 'rank_lower', 'rank_upper', 'rank_mean', 'rank_shift');
  const lines = [header.map(text)];
  for (const block of blocks) {
    const top = block.nodes[block.root]!;
    const s = sensitivity?.blocks[block.block];
    block.units.forEach((unit, u) => {
      const row = [
        text(block.block),
        text(unit),
        num(top.ranks[u]),
        num(top.values[u]),
        text(block.tiers[u]?.label.en ?? ''),
        ...aggregates.map((code) => num(block.nodes[code]?.values[u])),
      ];
      if (s)
        row.push(num(s.median[u]), num(s.lower[u]), num(s.upper[u]), num(s.mean[u]), num(s.meanAbsShift[u]));
      lines.push(row);
    });
  }
  return lines.map((r) => r.join(',')).join('\n') + '\n';
}

/** formatRunsCsv(sensitivity) — block, run (1-based), unit, composite, rank: one row per run and unit (keepRuns). */
export function formatRunsCsv(sensitivity: SensitivityResult): string {
  const lines = ['block,run,unit,composite,rank'];
  for (const [block, runs] of Object.entries(sensitivity.perRun ?? {})) {
    const units = sensitivity.blocks[block]!.units;
    runs.composite.forEach((composite, j) =>
      units.forEach((unit, u) =>
        lines.push(`${text(block)},${j + 1},${text(unit)},${num(composite[u])},${num(runs.rank[j]![u])}`),
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** formatJson(result, sensitivity?) — the engine's full result (every node, reason, weight, benchmark). */
export function formatJson(result: IndexResult, sensitivity?: SensitivityResult): string {
  return JSON.stringify(sensitivity ? { result, sensitivity } : { result }, null, 2) + '\n';
}

/** A number cell: empty for missing (never NaN or Infinity). */
export function num(x: Cell | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '' : String(x);
}

/** A text cell, quoted as needed; a leading = + - @ tab or CR gets an apostrophe. */
export function text(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
