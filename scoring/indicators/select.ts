// A quantile of a unit's answers without sorting them. Float64Array#sort costs ~17 µs for 330 values, and the
// point estimate sorted every (unit, quantile column): most of evaluateSurvey. R type 7 needs only the order
// statistics ⌊h⌋ and ⌊h⌋ + 1, which a three-way quickselect (answers are mostly tied small integers) and one
// scan find in linear time. The result is exactly quantileSorted(values.sort(), p): the same order statistics
// through the same expression. Only −0 and +0 tie here where the sort orders them, and x + (h − ⌊h⌋)·(y − x)
// is +0 for every choice of signed zeros x ≤ y, so the order between them cannot change the result.

/** quantileSelect(values, p) is R type 7 quantile p ∈ [0, 1] of finite values (reorders them); NaN when empty. */
export function quantileSelect(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = select(values, lo);
  // Every value after position lo is ≥ x in sort order, so the next order statistic is their minimum.
  let y = x;
  if (lo + 1 < n) {
    y = values[lo + 1]!;
    for (let i = lo + 2; i < n; i++) if (values[i]! < y) y = values[i]!;
  }
  return x + (h - lo) * (y - x);
}

// The k-th smallest value; leaves no larger value before k and no smaller after.
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  for (;;) {
    if (lo >= hi) return a[k]!;
    const pivot = a[(lo + hi) >>> 1]!;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i++] = a[lt]!;
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
}
