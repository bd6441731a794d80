import type { Cell } from './types.js';

/**
 * Copies numbers into a Float64Array with NaN for missing. null, undefined, NaN and ±Infinity all become NaN, so
 * nothing downstream ever sees an infinity.
 */
export function toColumn(values: ArrayLike<Cell | undefined>, name = 'values'): Float64Array {
  if (values == null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`${name} is not array-like`);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
  }
  return out;
}

/** Float64Array (NaN = missing) → number | null, the public form. */
export function toCells(values: ArrayLike<number>): Cell[] {
  const out = new Array<Cell>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}

/** Minimum and maximum of the non-missing values; NaN for both when there are none. */
export function extent(x: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo === Infinity ? [NaN, NaN] : [lo, hi];
}
