// Types of the methodology format. schema.json is the source of truth; test/scoring/methodology/types.test.ts
// checks that every property and enumeration here matches it.

import type { Localized } from '#api/text.js';

export type Direction = 1 | -1;

export const STATISTICS = ['share', 'mean', 'median', 'percentile', 'count'] as const;
export type Statistic = (typeof STATISTICS)[number];

export const FILTER_OPS = ['=', '!=', '<', '<=', '>', '>=', 'in'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Sub-population filter of a survey indicator, e.g. firms founded after a year. */
export interface SourceFilter {
  item: string;
  op: FilterOp;
  value: number | string | (number | string)[];
}

/** Shared with scoring/indicators/: field names are a contract. */
export interface SurveySource {
  kind: 'survey';
  item: string;
  statistic: Statistic;
  /** Answer codes counted as success (statistic "share"). */
  categories?: (number | string)[];
  /** 0–100, statistic "percentile". */
  p?: number;
  filter?: SourceFilter;
}

export interface HardSource {
  kind: 'hard';
  series: string;
}

export type IndicatorSource = SurveySource | HardSource;

export const NORMALISER_METHODS = [
  'pci',
  'minmax',
  'zscore',
  'rank',
  'prank',
  'borda',
  'dist2max',
  'dist2target',
  'goalposts',
  'scaled',
] as const;
export type NormaliserMethod = (typeof NORMALISER_METHODS)[number];

/** Normalisers whose min and max come from a benchmark policy. */
export const BENCHMARKED_METHODS: readonly NormaliserMethod[] = ['pci', 'minmax', 'dist2max', 'dist2target'];

export interface Normaliser {
  method: NormaliserMethod;
  /** minmax: output range [lower, upper]; goalposts and scaled: input posts [lower, upper]. */
  lower?: number;
  upper?: number;
  /** zscore: target mean and standard deviation (default 0 and 1). */
  mean?: number;
  sd?: number;
  /** dist2target: the target on the raw scale; cap: values past the target become 1. */
  target?: number;
  cap?: boolean;
  /** goalposts and scaled: output multiplier (default 1 for goalposts, 100 for scaled). */
  scale?: number;
  /** goalposts: clamp x to [lower, upper] first (default true). */
  truncate?: boolean;
  /** rank-based methods: values closer than this are ties (default 0, exact). */
  tieTolerance?: number;
}

export const BENCHMARK_KINDS = ['current', 'pooled', 'fixed'] as const;
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

/**
 * Where min and max come from: this edition's units, extremes over listed editions, or supplied values. pooled:
 * each listed edition's values after denomination, imputation, screening and treatment of that edition, over the
 * units it keeps (COINr's global normalisation; scoring/pool.ts).
 */
export interface BenchmarkPolicy {
  kind: BenchmarkKind;
  /** pooled: the editions whose values form the pool (may include the current one). */
  editions?: number[];
  /** fixed: supplied benchmark values on the raw scale. */
  min?: number;
  max?: number;
}

export const TREATMENT_METHODS = ['none', 'jrc'] as const;
export type TreatmentMethod = (typeof TREATMENT_METHODS)[number];

export interface Treatment {
  method: TreatmentMethod;
  /** jrc: the most points winsorised before falling back to the log (default 5). */
  winmax?: number;
  skewThreshold?: number;
  kurtThreshold?: number;
}

export const IMPUTATION_METHODS = ['none', 'mean', 'median', 'groupMean', 'groupMedian'] as const;
export type ImputationMethod = (typeof IMPUTATION_METHODS)[number];

export interface Imputation {
  method: ImputationMethod;
  /** groupMean and groupMedian: the unit grouping key, e.g. "EurAsia_group". */
  group?: string;
}

export interface Screening {
  /** A unit is dropped when its share of available indicators is below this (strictly). */
  minAvailability: number;
}

export const AGGREGATORS = ['arithmetic', 'geometric', 'harmonic', 'power', 'copeland'] as const;
export type Aggregator = (typeof AGGREGATORS)[number];

export interface IndicatorNode {
  type: 'indicator';
  code: string;
  name: Localized;
  /** Weight relative to its siblings (≥ 0). */
  weight: number;
  source: IndicatorSource;
  direction: Direction;
  normaliser: Normaliser;
  benchmark?: BenchmarkPolicy;
  /** Below this n the unit's value is suppressed (reason "indicator-suppressed"). */
  minRespondents?: number;
  /** Overrides the methodology's treatment for this indicator. */
  treatment?: TreatmentMethod;
  /** Hard series the value is divided by before anything else (ASEM "denominate"). */
  denominator?: string;
  unit?: string;
  description?: Localized;
}

export const AGGREGATE_TYPES = ['index', 'subindex', 'group'] as const;
export type AggregateType = (typeof AGGREGATE_TYPES)[number];

export interface AggregateNode {
  type: AggregateType;
  code: string;
  name: Localized;
  /** Ignored at the root. */
  weight: number;
  aggregator: Aggregator;
  /** aggregator "power": the exponent p (≠ 0). */
  p?: number;
  /** The node is missing when the share of available children is below this (strictly). Default 0: one child suffices. */
  coverage?: number;
  children: MethodologyNode[];
  description?: Localized;
}

export type MethodologyNode = IndicatorNode | AggregateNode;

/** Linear map of the root's value, e.g. PCI: a 10-point weighted mean [0, 10] → [0, 100]. */
export interface CompositeScale {
  from: [number, number];
  to: [number, number];
}

export const TIER_METHODS = ['fixed', 'quantile', 'meansd'] as const;
export type TierMethod = (typeof TIER_METHODS)[number];

/**
 * Labels are best first. fixed: `cutoffs` descending on the composite scale; quantile: `probabilities`
 * descending in (0, 1); meansd: `k` descending, cut-off = mean + k·sd. A score ≥ cut-off i (and below the ones
 * before) gets label i; below every cut-off, the last label. labels.length = cut-offs + 1.
 */
/** A tier's label and its stable code (e.g. "excellent"): releases and charts key on the code. */
export interface TierLabel extends Localized {
  /** Lower-case identifier, unique within the rule; without one a tier is published as tier_N. */
  code?: string;
}

export interface TierRule {
  method: TierMethod;
  labels: TierLabel[];
  cutoffs?: number[];
  probabilities?: number[];
  k?: number[];
}

export interface Block {
  code: string;
  name: Localized;
  /** Codes of the root's children scored in this block; omitted = all. */
  components?: string[];
}

export interface Methodology {
  $schema?: string;
  id: string;
  version: string;
  name: Localized;
  description?: Localized;
  /** Units with fewer respondents are suppressed, not scored (reason "unit-suppressed"). */
  minRespondents?: number;
  blocks: Block[];
  scale?: CompositeScale;
  tiers?: TierRule;
  imputation?: Imputation;
  screening?: Screening;
  treatment?: Treatment;
  tree: AggregateNode;
}
