// Score results → CSV (one row per unit, through the one CSV writer server/http/csv.ts: formula cells
// neutralised, numbers in full) or JSON.

import type { SensitivityResult } from '#scoring/sensitivity.js';
import type { IndexResult } from '#scoring/types.js';
import { toCsv, type CsvCell } from '#server/http/csv.js';

const LF = { eol: '\n' } as const;

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
  const rows: CsvCell[][] = [];
  for (const block of blocks) {
    const top = block.nodes[block.root]!;
    const s = sensitivity?.blocks[block.block];
    block.units.forEach((unit, u) => {
      const row: CsvCell[] = [
        block.block,
        unit,
        top.ranks[u],
        top.values[u],
        block.tiers[u]?.label.en ?? '',
        ...aggregates.map((code) => block.nodes[code]?.values[u]),
      ];
      if (s) row.push(s.median[u], s.lower[u], s.upper[u], s.mean[u], s.meanAbsShift[u]);
      rows.push(row);
    });
  }
  return toCsv(header, rows, LF);
}

/** formatRunsCsv(sensitivity) — block, run (1-based), unit, composite, rank: one row per run and unit (keepRuns). */
export function formatRunsCsv(sensitivity: SensitivityResult): string {
  const rows: CsvCell[][] = [];
  for (const [block, runs] of Object.entries(sensitivity.perRun ?? {})) {
    const units = sensitivity.blocks[block]!.units;
    runs.composite.forEach((composite, j) =>
      units.forEach((unit, u) => rows.push([block, j + 1, unit, composite[u], runs.rank[j]![u]])),
    );
  }
  return toCsv(['block', 'run', 'unit', 'composite', 'rank'], rows, LF);
}

/** formatJson(result, sensitivity?) — the engine's full result (every node, reason, weight, benchmark). */
export function formatJson(result: IndexResult, sensitivity?: SensitivityResult): string {
  return JSON.stringify(sensitivity ? { result, sensitivity } : { result }, null, 2) + '\n';
}
