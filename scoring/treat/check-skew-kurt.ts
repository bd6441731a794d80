import { kurt } from './kurt.js';
import { skew } from './skew.js';

export interface SkewKurtCheck {
  pass: boolean;
  skew: number;
  kurt: number;
}

/**
 * The JRC outlier test: a column passes if |skew| < skewThreshold or kurt < kurtThreshold; it fails only when
 * both are reached. A column too short or too flat to have a skew or kurtosis (NaN) passes: there is nothing to
 * treat.
 */
export function checkSkewKurt(x: ArrayLike<number>, skewThreshold = 2, kurtThreshold = 3.5): SkewKurtCheck {
  const s = skew(x);
  const k = kurt(x);
  const fails = Math.abs(s) >= skewThreshold && k >= kurtThreshold;
  return { pass: !fails, skew: s, kurt: k };
}
