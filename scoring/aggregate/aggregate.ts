import type { Aggregator } from '#scoring/methodology/types.js';
import { arithmetic } from './arithmetic.js';
import { copeland } from './copeland.js';
import { geometric } from './geometric.js';
import { harmonic } from './harmonic.js';
import { power } from './power.js';

export interface AggregateOptions {
  /** aggregator 'power': the exponent. */
  p?: number;
  /** A unit whose share of available children is below this (strictly) gets NaN. Default 0. */
  coverage?: number;
}

/**
 * Aggregates child columns (one Float64Array per child, one entry per unit, NaN = missing) into the parent column.
 * Weights are re-normalised per unit over its available children; coverage is checked first.
 */
export function aggregate(
  children: ArrayLike<number>[],
  weights: ArrayLike<number>,
  aggregator: Aggregator,
  options: AggregateOptions = {},
): Float64Array {
  const m = children.length;
  if (weights.length !== m) throw new RangeError('weights and children differ in length');
  const n = m === 0 ? 0 : children[0]!.length;
  const coverage = options.coverage ?? 0;
  const out = new Float64Array(n);
  const rows: Float64Array[] = [];
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let available = 0;
    for (let k = 0; k < m; k++) {
      const v = children[k]![i]!;
      row[k] = v;
      if (v === v) available++;
    }
    const covered = available > 0 && available / m >= coverage;
    if (aggregator === 'copeland') {
      rows.push(covered ? row.slice() : new Float64Array(m).fill(NaN));
      continue;
    }
    if (!covered) out[i] = NaN;
    else if (aggregator === 'arithmetic') out[i] = arithmetic(row, weights);
    else if (aggregator === 'geometric') out[i] = geometric(row, weights);
    else if (aggregator === 'harmonic') out[i] = harmonic(row, weights);
    else if (aggregator === 'power') out[i] = power(row, weights, options.p ?? NaN);
    else throw new RangeError(`unknown aggregator ${String(aggregator)}`);
  }
  return aggregator === 'copeland' ? copeland(rows, weights) : out;
}
