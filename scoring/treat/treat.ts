import type { TreatmentRecord } from '#scoring/types.js';
import { checkSkewKurt } from './check-skew-kurt.js';
import { logCT } from './logct.js';
import { winsorise, type WinsoriseOptions } from './winsorise.js';

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * The JRC rule for one column: pass if |skew| < 2 or kurt < 3.5; otherwise winsorise up to winmax points; if it
 * still fails, discard the winsorised version and log-transform the original (logCT). Returns the treated column
 * and a report matching COINr's treat_details / treated_points.
 */
export function treat(
  code: string,
  values: ArrayLike<number>,
  options: WinsoriseOptions = {},
): { x: Float64Array; record: TreatmentRecord } {
  const st = options.skewThreshold ?? 2;
  const kt = options.kurtThreshold ?? 3.5;
  const before = checkSkewKurt(values, st, kt);
  const record: TreatmentRecord = {
    code,
    method: 'none',
    passBefore: before.pass,
    skewBefore: finite(before.skew),
    kurtBefore: finite(before.kurt),
    nwin: 0,
    passAfter: null,
    skewAfter: null,
    kurtAfter: null,
    points: Array.from({ length: values.length }, () => null),
  };
  if (before.pass) return { x: Float64Array.from(values as ArrayLike<number>), record };
  const w = winsorise(values, options);
  record.nwin = w.nwin;
  let x: Float64Array;
  let after: { pass: boolean; skew: number; kurt: number };
  if (w.pass) {
    record.method = 'winsorise';
    x = w.x;
    after = w;
    for (let i = 0; i < x.length; i++)
      record.points[i] = w.side[i] === 1 ? 'winhi' : w.side[i] === -1 ? 'winlo' : null;
  } else {
    record.method = 'log';
    x = logCT(values);
    after = checkSkewKurt(x, st, kt);
    for (let i = 0; i < x.length; i++) record.points[i] = x[i] === x[i] ? 'log_CT' : null;
  }
  record.passAfter = after.pass;
  record.skewAfter = finite(after.skew);
  record.kurtAfter = finite(after.kurt);
  return { x, record };
}
