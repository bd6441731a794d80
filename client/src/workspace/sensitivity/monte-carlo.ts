import type { Methodology } from '#scoring/methodology/types.js';
import { sensitivity, type RankStats, type Removal } from '#scoring/sensitivity.js';
import type { DataTable } from '#scoring/types.js';

/** What the sensitivity view asks for: the methodology being edited, the preview data, the draws. */
export interface MonteCarloRequest {
  methodology: Methodology;
  table: DataTable;
  history: DataTable[];
  runs: number;
  /** Relative weight noise: each weight × U(1 − p, 1 + p). */
  noise: number;
  /** Which weights get the noise: the sub-indices only, or every weight of the tree. */
  level: 'subindex' | 'all';
  seed: number;
}

export interface MonteCarloResult {
  runs: number;
  rankInterval: [number, number];
  blocks: Record<string, RankStats>;
  removal: Record<string, Record<string, Removal>>;
}

/** Messages from the worker to the page. */
export type MonteCarloMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: MonteCarloResult }
  | { type: 'error'; message: string };

/**
 * The Monte Carlo rank intervals of the methodology being edited (scoring/sensitivity.ts, seeded):
 * nominal rank, 5–95 % interval of the ranks over the runs, and the ranks when a sub-index is removed.
 * Progress is reported about a hundred times, so posting it costs nothing next to the runs.
 */
export function monteCarlo(
  r: MonteCarloRequest,
  onProgress: (done: number, total: number) => void = () => {},
): MonteCarloResult {
  const step = Math.max(1, Math.floor(r.runs / 100));
  const out = sensitivity(r.methodology, r.table, {
    runs: r.runs,
    seed: r.seed,
    weights: r.level === 'all' ? { p: r.noise } : { p: r.noise, levels: ['subindex'] },
    rankInterval: [5, 95],
    compute: { edition: r.table.edition, history: r.history },
    onProgress: (done, total) => {
      if (done % step === 0 || done === total) onProgress(done, total);
    },
  });
  return { runs: out.runs, rankInterval: out.rankInterval, blocks: out.blocks, removal: out.removal };
}
