// Variance-based sensitivity (composite-indicators.md §8; Saltelli et al. 2010, "Variance based sensitivity
// analysis of model output", Comput. Phys. Commun. 181, 259–270; the JRC/OECD Handbook). Saltelli sampling: A and
// B are N × d, the first and last d columns of N points of a 2d-dimensional Sobol sequence (sobol-sequence.ts);
// A_B^(i) is A with column i from B; the model runs N(d + 2) times. With V the sample variance (n − 1) of
// y_A ∪ y_B:
//   first order (Saltelli 2010)  S_i  = (1/N) Σ_j y_B,j (y_AB^(i),j − y_A,j) / V
//   total effect (Jansen 1999)   S_Ti = (1/(2N)) Σ_j (y_A,j − y_AB^(i),j)² / V
// Confidence intervals: the N rows are resampled with replacement (seeded), the estimates recomputed (V too), and
// the type 7 quantiles of the replicates taken (default 5 % and 95 %).

import { quantileSorted } from './quantile.js';
import { randomSource } from './random.js';
import { sobolPoints } from './sobol-sequence.js';

export interface SobolOptions {
  /** Base sample size N (default 1000). */
  n?: number;
  /** Bootstrap replicates for the confidence intervals (default 1000; 0 = none). */
  bootstrap?: number;
  /** Interval probabilities (default [0.05, 0.95]). */
  interval?: [number, number];
  seed?: number | string;
  onProgress?: (done: number, total: number) => void;
}

export interface SobolResult {
  n: number;
  runs: number;
  /** Variance of the output over A and B (null when the output is constant or not finite). */
  variance: number | null;
  first: (number | null)[];
  total: (number | null)[];
  /** Per factor [lower, upper] of the bootstrap replicates. */
  firstInterval: ([number, number] | null)[];
  totalInterval: ([number, number] | null)[];
}

/** saltelliSample(n, d) — the N(d + 2) points in evaluation order: A, B, then A_B^(1) … A_B^(d); row-major. */
export function saltelliSample(n: number, d: number): Float64Array {
  const base = sobolPoints(n, 2 * d);
  const out = new Float64Array(n * (d + 2) * d);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < d; k++) {
      const a = base[j * 2 * d + k]!;
      const b = base[j * 2 * d + d + k]!;
      out[j * d + k] = a;
      out[(n + j) * d + k] = b;
      for (let i = 0; i < d; i++) out[((2 + i) * n + j) * d + k] = k === i ? b : a;
    }
  }
  return out;
}

/**
 * sobolIndices(model, d, options?) — model(x) gets one point of [0, 1)^d (a reused array: read, do not keep)
 * and returns the output; first-order and total indices per factor, with bootstrap intervals.
 */
export function sobolIndices(
  model: (x: Float64Array) => number,
  d: number,
  options: SobolOptions = {},
): SobolResult {
  const { n, nboot, pl, pu } = checkOptions(options);
  const x = saltelliSample(n, d);
  const runs = n * (d + 2);
  const y = new Float64Array(runs);
  const point = new Float64Array(d);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < d; k++) point[k] = x[r * d + k]!;
    y[r] = model(point);
    options.onProgress?.(r + 1, runs);
  }
  const rows = Int32Array.from({ length: n }, (_, j) => j);
  const est = estimate(y, n, d, rows);
  const reps = Array.from({ length: 2 * d }, () => new Float64Array(nboot));
  const rng = randomSource(options.seed ?? 1);
  const pick = new Int32Array(n);
  for (let b = 0; b < nboot; b++) {
    for (let j = 0; j < n; j++) pick[j] = rng.int(0, n);
    const e = estimate(y, n, d, pick);
    for (let i = 0; i < d; i++) {
      reps[i]![b] = e.first[i]!;
      reps[d + i]![b] = e.total[i]!;
    }
  }
  const interval = (r: Float64Array): [number, number] | null => {
    const ok = r.filter(Number.isFinite).sort();
    return nboot === 0 || ok.length < nboot ? null : [quantileSorted(ok, pl), quantileSorted(ok, pu)];
  };
  const cell = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    n,
    runs,
    variance: cell(est.variance),
    first: Array.from(est.first, cell),
    total: Array.from(est.total, cell),
    firstInterval: reps.slice(0, d).map(interval),
    totalInterval: reps.slice(d).map(interval),
  };
}

function checkOptions(options: SobolOptions) {
  const n = options.n ?? 1000;
  if (!Number.isInteger(n) || n < 2 || n > 1_000_000)
    throw new RangeError('n is not an integer in [2, 1000000]');
  const nboot = options.bootstrap ?? 1000;
  if (!Number.isInteger(nboot) || nboot < 0 || nboot > 100_000)
    throw new RangeError('bootstrap is not an integer in [0, 100000]');
  const [pl, pu] = options.interval ?? [0.05, 0.95];
  if (!(pl >= 0 && pl < pu && pu <= 1)) throw new RangeError('interval is not [lower, upper] in [0, 1]');
  return { n, nboot, pl, pu };
}

// The estimators over the given rows of A, B and each A_B^(i) (all rows once, or a bootstrap resample).
function estimate(y: Float64Array, n: number, d: number, rows: Int32Array) {
  let mean = 0;
  for (const j of rows) mean += y[j]! + y[n + j]!;
  mean /= 2 * rows.length;
  let ss = 0;
  for (const j of rows) ss += (y[j]! - mean) ** 2 + (y[n + j]! - mean) ** 2;
  const variance = ss / (2 * rows.length - 1);
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const off = (2 + i) * n;
    let s1 = 0;
    let st = 0;
    for (const j of rows) {
      const ya = y[j]!;
      const yab = y[off + j]!;
      s1 += y[n + j]! * (yab - ya);
      st += (ya - yab) ** 2;
    }
    first[i] = variance > 0 ? s1 / rows.length / variance : NaN;
    total[i] = variance > 0 ? st / (2 * rows.length) / variance : NaN;
  }
  return { variance, first, total };
}
