// Payload types of a release's indicator level: the indicators of a block and each unit's raw value and
// normalised score on them, so a profile can explain a composite down to its inputs. Used by
// ReleaseBlock, ReleaseUnit and ProfileEntry in releases.ts.

import type { Localized } from './text.js';

/** One indicator of a block: where it sits in the tree and how its raw value was scored. */
export interface ReleaseIndicator {
  code: string;
  name: Localized;
  /** The sub-index (child of the composite) the indicator counts toward. */
  component: string;
  /** Its direct parent node (the component itself in a three-level tree). */
  parent: string;
  /** Weight normalised among its siblings, and the product of weights up to the composite. */
  weight: number;
  effectiveWeight: number;
  /** -1 when a lower raw value is better. */
  direction: 1 | -1;
  /** Normaliser method, e.g. `pci` (1–10) or `minmax`. */
  normaliser: string;
  /** Goalposts the normaliser used, where it uses any. */
  benchmark: { min: number | null; max: number | null } | null;
  /** Survey statistic behind the raw value (`share` is 0–1, `median` in the item's unit…); null for hard data. */
  statistic: string | null;
  /** Survey item code, e.g. `TR1`; null for hard data. */
  item: string | null;
}

/** One unit's value on one indicator. */
export interface IndicatorCell {
  /** Input value before treatment (a share 0–1, days, …). */
  raw: number | null;
  /** Normalised score, on the normaliser's scale. */
  score: number | null;
  /** Competition rank within the block on this indicator. */
  rank: number | null;
  /** Respondents behind the value. */
  n: number | null;
  /** Why `score` is null (a MissingReasonCode); null when there is a score. */
  reason: string | null;
}
