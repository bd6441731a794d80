// Engine input and output types. Internally values are Float64Array with NaN = missing; everything public uses
// null plus a reason, and never NaN or Infinity.

import type { Localized } from '#api/text.js';
import type {
  AggregateType,
  Aggregator,
  BenchmarkKind,
  CompositeScale,
  Direction,
  Normaliser,
  TierLabel,
  TreatmentMethod,
} from './methodology/types.js';

export type Cell = number | null;

export interface UnitRow {
  code: string;
  block: string;
  name?: Localized;
  /** Respondents for the unit as a whole (checked against methodology.minRespondents). */
  respondents?: number;
  /** Grouping labels, e.g. { EurAsia_group: "Asia" }, for group imputation. */
  groups?: Record<string, string>;
}

/**
 * One edition's data: units × columns, column-major. A column is an indicator code (its value) or a hard series
 * used as a denominator. `n` holds respondents behind each indicator value (absent = not survey-based).
 */
export interface DataTable {
  edition?: number;
  units: UnitRow[];
  values: Record<string, ArrayLike<Cell>>;
  n?: Record<string, ArrayLike<Cell>>;
}

export const MISSING_REASONS = [
  'missing',
  'invalid',
  'unit-suppressed',
  'indicator-suppressed',
  'screened',
  'coverage',
  'undefined',
] as const;
/**
 * missing: no input value · invalid: input not a finite number · unit-suppressed: unit below minRespondents ·
 * indicator-suppressed: n below the indicator's minRespondents · screened: unit dropped by availability screening ·
 * coverage: too few available children · undefined: the math has no value (e.g. geometric mean of a value ≤ 0).
 */
export type MissingReason = (typeof MISSING_REASONS)[number];

export interface BenchmarkUsed {
  kind: BenchmarkKind;
  min: number | null;
  max: number | null;
  /** pooled: editions that supplied values, and those asked for but absent from the data. */
  editions?: number[];
  missingEditions?: number[];
  /**
   * pooled: each contributing edition's extremes of the treated values over the units it kept (after
   * denomination, imputation, screening and treatment), so a result shows where its benchmark came from.
   */
  pool?: { edition: number; min: number; max: number }[];
  /** true when the value came from options.benchmarks (replaying a recorded result). */
  replayed?: boolean;
}

export interface TreatmentRecord {
  code: string;
  method: TreatmentMethod | 'winsorise' | 'log';
  passBefore: boolean | null;
  skewBefore: number | null;
  kurtBefore: number | null;
  /** Points winsorised (counted as in COINr, see treat/winsorise.ts). */
  nwin: number;
  passAfter: boolean | null;
  skewAfter: number | null;
  kurtAfter: number | null;
  /** Per unit: 'winhi' | 'winlo' | 'log_CT' | null. */
  points: ('winhi' | 'winlo' | 'log_CT' | null)[];
}

export interface NodeResult {
  code: string;
  name: Localized;
  type: AggregateType | 'indicator';
  parent: string | null;
  children: string[];
  /** Weight normalised among siblings, and the product along the path to the root. */
  weight: number;
  effectiveWeight: number;
  /** Per unit (block order): the node's score; for indicators, the normalised score. */
  values: Cell[];
  reasons: (MissingReason | null)[];
  /** Competition ranks within the block (1 = best; ties share the lowest; missing unranked). */
  ranks: Cell[];
  /** Aggregates only. */
  aggregator?: Aggregator;
  p?: number;
  coverage?: number;
  /** Indicators only: direction, normaliser, input value, n, value after imputation and treatment. */
  direction?: Direction;
  normaliser?: Normaliser;
  raw?: Cell[];
  n?: Cell[];
  treated?: Cell[];
  imputed?: boolean[];
  benchmark?: BenchmarkUsed;
}

export interface TierAssignment {
  index: number;
  label: TierLabel;
}

export interface BlockResult {
  block: string;
  units: string[];
  /** Units removed by screening. */
  screened: string[];
  root: string;
  /** The root's scale map, if any (root values are already scaled). */
  scale: CompositeScale | null;
  nodes: Record<string, NodeResult>;
  /** Composite tiers per unit, and the cut-offs applied (best first). */
  tiers: (TierAssignment | null)[];
  tierCutoffs: number[];
  treatment: TreatmentRecord[];
}

export interface IndexResult {
  methodology: { id: string; version: string; hash: string };
  edition: number | null;
  blocks: Record<string, BlockResult>;
}

export interface ComputeOptions {
  /** Edition of `table` (defaults to table.edition). */
  edition?: number;
  /** Earlier (or later) editions for pooled benchmarks. */
  history?: DataTable[];
  /** Recorded benchmarks by indicator code; override the policy so past results replay exactly. */
  benchmarks?: Record<string, { min: number; max: number }>;
}

/** Weight overrides by node code (relative to siblings, ≥ 0). */
export type WeightOverrides = Record<string, number>;
