/**
 * Weighted arithmetic mean of one unit's available children: Σw·x / Σw over the non-missing x, i.e. weights
 * re-normalised over what is available. No available child (or zero total weight) gives NaN.
 */
export function arithmetic(x: ArrayLike<number>, w: ArrayLike<number>): number {
  let sw = 0;
  let swx = 0;
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!;
    if (v === v) {
      sw += w[k]!;
      swx += w[k]! * v;
    }
  }
  return sw > 0 ? swx / sw : NaN;
}
