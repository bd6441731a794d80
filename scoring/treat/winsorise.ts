import { checkSkewKurt } from './check-skew-kurt.js';

export interface WinsoriseOptions {
  winmax?: number;
  skewThreshold?: number;
  kurtThreshold?: number;
}

export interface WinsoriseResult {
  x: Float64Array;
  /** High-side count of the latest high step plus low-side count of the latest low step (COINr's count). */
  nwin: number;
  /** Per position: +1 moved down from the top, −1 moved up from the bottom, 0 untouched. */
  side: Int8Array;
  pass: boolean;
  skew: number;
  kurt: number;
}

/**
 * Iterative winsorisation (COINr winsorise): while the column fails the skew–kurtosis test and fewer than winmax
 * points are counted, move every position holding the current maximum (skew ≥ 0) down to the largest other value,
 * or every position holding the minimum (skew < 0) up to the smallest other value. Tied extremes move together;
 * a side's count is the number moved in its latest step, so plateau points are counted again.
 */
export function winsorise(values: ArrayLike<number>, options: WinsoriseOptions = {}): WinsoriseResult {
  const winmax = options.winmax ?? 5;
  const st = options.skewThreshold ?? 2;
  const kt = options.kurtThreshold ?? 3.5;
  const x = Float64Array.from(values as ArrayLike<number>);
  const side = new Int8Array(x.length);
  let hi = 0;
  let lo = 0;
  let check = checkSkewKurt(x, st, kt);
  while (!check.pass && hi + lo < winmax) {
    const top = check.skew >= 0;
    let extreme = top ? -Infinity : Infinity;
    for (const v of x) if (v === v && (top ? v > extreme : v < extreme)) extreme = v;
    let next = top ? -Infinity : Infinity;
    for (const v of x) if (v === v && v !== extreme && (top ? v > next : v < next)) next = v;
    if (!Number.isFinite(next)) break;
    let moved = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === extreme) {
        x[i] = next;
        side[i] = top ? 1 : -1;
        moved++;
      }
    }
    if (top) hi = moved;
    else lo = moved;
    check = checkSkewKurt(x, st, kt);
  }
  return { x, nwin: hi + lo, side, ...check };
}
