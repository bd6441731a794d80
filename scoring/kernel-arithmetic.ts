// The kernel's fast path for weighted arithmetic means: the numerator Σ w·x runs over rows with missing values
// stored as 0 (adding w·0 = +0 leaves every partial sum unchanged), eight units at a time in registers, and the
// denominator Σ w is summed once for the units that have every child; only units with a missing child (listed per
// row) get their own Σ w and count. The same pass writes the node's zeroed row and missing list for its parent,
// so no second pass reads the row (writeZeroed in kernel.ts runs only when a value is not finite).

import type { Gaps, KernelBlock, Scratch } from './kernel.js';

// A weighted arithmetic mean at node `at`. With `zero` (a non-root node) the main pass also writes the zeroed row
// (a finite value is its own zeroed value) and incompleteUnits the missing list, so no second pass reads the row;
// returns true when that is done. A row with a value that is not finite (a ±Infinity child, Σ w = 0) returns
// false and gets writeZeroed as before, so a NaN from ∞ − ∞ is listed as missing exactly as it was.
export function arithmeticNode(
  b: KernelBlock,
  at: number,
  coverage: number,
  s: Scratch,
  zero: boolean,
): boolean {
  const kidAt = b.kidAt[at]!;
  const m = kidAt.length;
  const kw = s.kw;
  let total = 0;
  for (let k = 0; k < m; k++) total += kw[k] = b.weights[kidAt[k]!]!;
  const n = b.units.length;
  const out = at * n;
  // Σ of the row's values: finite only if every value is (an overflow only costs the slow path).
  const check = mainPass(b, at, total, s);
  if (!(total > 0)) b.values.fill(NaN, out, out + n);
  const fast = zero && check - check === 0;
  b.missingCount[at] = incompleteUnits(b, at, coverage, s, fast);
  return fast;
}

// values = zeroed = Σ w·x / Σ w for every unit (as if none missed a child), Σ w·x kept in s.x; returns Σ values.
function mainPass(b: KernelBlock, at: number, total: number, s: Scratch): number {
  const n = b.units.length;
  const out = at * n;
  const kidOff = b.kidOff[at]!;
  const m = kidOff.length;
  const { zeroed, values } = b;
  const kw = s.kw;
  const num = s.x;
  let check = 0;
  let u = 0;
  for (; u + 7 < n; u += 8) {
    let x0 = 0;
    let x1 = 0;
    let x2 = 0;
    let x3 = 0;
    let x4 = 0;
    let x5 = 0;
    let x6 = 0;
    let x7 = 0;
    for (let k = 0; k < m; k++) {
      const w = kw[k]!;
      const off = kidOff[k]! + u;
      x0 += w * zeroed[off]!;
      x1 += w * zeroed[off + 1]!;
      x2 += w * zeroed[off + 2]!;
      x3 += w * zeroed[off + 3]!;
      x4 += w * zeroed[off + 4]!;
      x5 += w * zeroed[off + 5]!;
      x6 += w * zeroed[off + 6]!;
      x7 += w * zeroed[off + 7]!;
    }
    const v0 = x0 / total;
    values[out + u] = v0;
    zeroed[out + u] = v0;
    num[u] = x0;
    const v1 = x1 / total;
    values[out + u + 1] = v1;
    zeroed[out + u + 1] = v1;
    num[u + 1] = x1;
    const v2 = x2 / total;
    values[out + u + 2] = v2;
    zeroed[out + u + 2] = v2;
    num[u + 2] = x2;
    const v3 = x3 / total;
    values[out + u + 3] = v3;
    zeroed[out + u + 3] = v3;
    num[u + 3] = x3;
    const v4 = x4 / total;
    values[out + u + 4] = v4;
    zeroed[out + u + 4] = v4;
    num[u + 4] = x4;
    const v5 = x5 / total;
    values[out + u + 5] = v5;
    zeroed[out + u + 5] = v5;
    num[u + 5] = x5;
    const v6 = x6 / total;
    values[out + u + 6] = v6;
    zeroed[out + u + 6] = v6;
    num[u + 6] = x6;
    const v7 = x7 / total;
    values[out + u + 7] = v7;
    zeroed[out + u + 7] = v7;
    num[u + 7] = x7;
    check += v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7;
  }
  return check + tailPass(b, at, total, s, u);
}

// mainPass for the last units from `tail` on (n mod 8 of them), side by side: accumulated in s.x, in the same
// order as the registers of mainPass.
function tailPass(b: KernelBlock, at: number, total: number, s: Scratch, tail: number): number {
  const n = b.units.length;
  const out = at * n;
  const kidOff = b.kidOff[at]!;
  const m = kidOff.length;
  const { zeroed, values } = b;
  const kw = s.kw;
  const num = s.x;
  let check = 0;
  num.fill(0, tail, n);
  for (let k = 0; k < m; k++) {
    const w = kw[k]!;
    const off = kidOff[k]!;
    for (let t = tail; t < n; t++) num[t] = num[t]! + w * zeroed[off + t]!;
  }
  for (let u = tail; u < n; u++) {
    const v = num[u]! / total;
    values[out + u] = v;
    zeroed[out + u] = v;
    check += v;
  }
  return check;
}

// Units with a missing child: their own Σ w over available children, count and coverage, as aggregate() does.
// With `zero`, their zeroed values and the missing list too; returns the count of missing units listed.
function incompleteUnits(b: KernelBlock, at: number, coverage: number, s: Scratch, zero: boolean): number {
  const fixed = b.fixedGaps[at];
  return fixed ? fixedGapUnits(b, at, fixed, s, zero) : childGapUnits(b, at, coverage, s, zero);
}

// Children that are indicators: Σ w per pattern of available children, in child order; the numerator of the main
// pass is already exact (a missing child added w·0 = +0).
function fixedGapUnits(b: KernelBlock, at: number, fixed: Gaps, s: Scratch, zero: boolean): number {
  const out = at * b.units.length;
  const { values, zeroed } = b;
  const missing = b.missing[at]!;
  const kw = s.kw;
  const num = s.x;
  const { units, pattern, start, kids, covered } = fixed;
  const sw = s.sw;
  for (let q = 0; q < covered.length; q++) {
    let x = 0;
    for (let i = start[q]!; i < start[q + 1]!; i++) x += kw[kids[i]!]!;
    sw[q] = covered[q] === 1 && x > 0 ? x : NaN;
  }
  let listed = 0;
  for (let t = 0; t < units.length; t++) {
    const v = units[t]!;
    // NaN for a pattern short of coverage or with Σ w = 0 (x / NaN = NaN).
    const y = num[v]! / sw[pattern[t]!]!;
    values[out + v] = y;
    if (y === y) zeroed[out + v] = y;
    else if (zero) {
      zeroed[out + v] = 0;
      missing[listed++] = v;
    }
  }
  return listed;
}

// Aggregate children: the units missing at some child (their lists), each once, summed over what they have.
function childGapUnits(b: KernelBlock, at: number, coverage: number, s: Scratch, zero: boolean): number {
  const out = at * b.units.length;
  const kidAt = b.kidAt[at]!;
  const kidOff = b.kidOff[at]!;
  const m = kidAt.length;
  const { values, zeroed } = b;
  const missing = b.missing[at]!;
  const kw = s.kw;
  let listed = 0;
  const epoch = ++s.epoch;
  for (let k = 0; k < m; k++) {
    const list = b.missing[kidAt[k]!]!;
    const count = b.missingCount[kidAt[k]!]!;
    for (let i = 0; i < count; i++) {
      const v = list[i]!;
      if (s.mark[v] === epoch) continue;
      s.mark[v] = epoch;
      let sw = 0;
      let x = 0;
      let c = 0;
      for (let j = 0; j < m; j++) {
        const y = values[kidOff[j]! + v]!;
        if (y === y) {
          c++;
          sw += kw[j]!;
          x += kw[j]! * y;
        }
      }
      const y = c > 0 && c / m >= coverage && sw > 0 ? x / sw : NaN;
      values[out + v] = y;
      if (y === y) zeroed[out + v] = y;
      else if (zero) {
        zeroed[out + v] = 0;
        missing[listed++] = v;
      }
    }
  }
  return listed;
}
