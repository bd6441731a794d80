// Pearson and Spearman correlation over pairwise-complete observations (R cor(use = "pairwise.complete.obs")):
// units where either value is missing (NaN) are left out. Spearman is Pearson on average ranks (ties share the
// mean of their positions), as R. Fewer than 3 complete pairs, or a constant column, give NaN.

/** pearson(x, y) */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [a, b] = complete(x, y);
  return pearsonComplete(a, b);
}

/** spearman(x, y) */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [a, b] = complete(x, y);
  return pearsonComplete(averageRanks(a), averageRanks(b));
}

function complete(x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] {
  if (x.length !== y.length) throw new RangeError('x and y differ in length');
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (u === u && v === v) {
      a.push(u);
      b.push(v);
    }
  }
  return [Float64Array.from(a), Float64Array.from(b)];
}

function pearsonComplete(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  if (n < 3) return NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/** averageRanks(x) — 1 = smallest; ties get the mean of their positions (R rank(ties.method = "average")). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((i, j) => x[i]! - x[j]! || i - j);
  const out = new Float64Array(x.length);
  for (let k = 0; k < order.length;) {
    let e = k;
    while (e + 1 < order.length && x[order[e + 1]!] === x[order[k]!]) e++;
    const r = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++) out[order[q]!] = r;
    k = e + 1;
  }
  return out;
}
