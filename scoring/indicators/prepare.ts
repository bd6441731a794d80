// Survey microdata → columnar sufficient data, built once. Rows are grouped by unit (unit u owns rows
// unitStart[u] … unitStart[u+1] − 1); every survey indicator is a column of a row-major Float64Array holding
// what the row contributes (0/1 for share, the answer for mean and quantiles, 1 for count) and a 0/1 presence
// byte. Σ value and n per unit and column are summed on the way, so share, mean and count need no second pass.
// The point estimate and every bootstrap resample read only these arrays, never the observation objects.

import type {
  AggregateNode,
  IndicatorNode,
  Methodology,
  MethodologyNode,
} from '#scoring/methodology/types.js';
import { surveyColumn, type SurveyColumn } from './columns.js';
import { encodeRows } from './encode.js';
import type { IndicatorOptions, Observation } from './types.js';

export interface PreparedSurvey {
  units: { code: string; block: string }[];
  /** Length units + 1. */
  unitStart: Int32Array;
  rows: number;
  /** Survey indicators, in methodology order. */
  columns: SurveyColumn[];
  /** rows × columns, row-major; 0 where not present. */
  value: Float64Array;
  present: Uint8Array;
  /** Sufficient statistics per unit and column (unit-major): Σ value and the number of present rows. */
  sum: Float64Array;
  count: Int32Array;
  /** Hard indicators: code and series, in methodology order. */
  hard: { code: string; series: string }[];
  /** Every indicator code in methodology order. */
  codes: string[];
  excludedObservations: number;
}

/** prepareSurvey(observations, methodology, options) validates the input and builds the columnar form. */
export function prepareSurvey(
  observations: readonly Observation[],
  methodology: Pick<Methodology, 'tree' | 'blocks'>,
  options: IndicatorOptions = {},
): PreparedSurvey {
  if (!Array.isArray(observations)) throw new TypeError('observations is not an array');
  const defaultMin = options.minRespondents ?? 1;
  const indicators = leaves(methodology.tree);
  const columns: SurveyColumn[] = [];
  const hard: PreparedSurvey['hard'] = [];
  for (const node of indicators) {
    if (node.source?.kind === 'survey') columns.push(surveyColumn(node, defaultMin));
    else if (node.source?.kind === 'hard') hard.push({ code: node.code, series: node.source.series });
    else throw new TypeError(`indicator ${node.code}: source.kind is not "survey" or "hard"`);
  }
  const drop = flagRule(options.excludeFlagged ?? false);

  // Pass 1: check each observation, decide whether it is kept, and find its unit.
  const unitIndex = new Map<string, number>();
  const units: { code: string; block: string }[] = [];
  const fixedUnits = options.units !== undefined;
  for (const u of options.units ?? []) {
    if (unitIndex.has(u.code)) throw new RangeError(`options.units has ${u.code} twice`);
    unitIndex.set(u.code, units.length);
    units.push({ code: u.code, block: u.block });
  }
  const soleBlock = methodology.blocks.length === 1 ? (methodology.blocks[0]?.code ?? null) : null;
  const { unitOfObs, excluded } = assignUnits(observations, drop, unitIndex, units, fixedUnits, soleBlock);

  // Sort discovered units by code so the table does not depend on the order responses arrived in.
  let order = units.map((_, u) => u);
  if (!fixedUnits) order = order.sort((a, b) => cmp(units[a]!.code, units[b]!.code));
  const rank = new Int32Array(units.length);
  order.forEach((u, r) => (rank[u] = r));
  const sortedUnits = order.map((u) => units[u]!);

  const K = columns.length;
  const { unitStart, rowOf, statOf } = layoutRows(unitOfObs, rank, K);
  const rows = unitStart[units.length]!;

  // Pass 2: encode every kept observation into its row (see encodeRows).
  const value = new Float64Array(rows * K);
  const present = new Uint8Array(rows * K);
  const sum = new Float64Array(units.length * K);
  const count = new Int32Array(units.length * K);
  encodeRows(observations, rowOf, statOf, columns, { value, present, sum, count });
  return {
    units: sortedUnits,
    unitStart,
    rows,
    columns,
    value,
    present,
    sum,
    count,
    hard,
    codes: indicators.map((n) => n.code),
    excludedObservations: excluded,
  };
}

// Pass 1 (checks each observation, decides whether it is kept, finds or adds its unit) and the row layout are
// functions of their own, like encodeRows: a loop inlined in prepareSurvey, which runs once per call, was compiled
// on stack and deoptimised on the next call by the paths that call had not taken yet.
function assignUnits(
  observations: readonly Observation[],
  drop: (flags: string[] | undefined) => boolean,
  unitIndex: Map<string, number>,
  units: { code: string; block: string }[],
  fixedUnits: boolean,
  soleBlock: string | null,
): { unitOfObs: Int32Array; excluded: number } {
  const unitOfObs = new Int32Array(observations.length).fill(-1);
  let excluded = 0;
  for (let i = 0; i < observations.length; i++) {
    const obs = observations[i];
    if (obs == null || typeof obs !== 'object') throw new TypeError(`observations[${i}] is not an object`);
    if (typeof obs.unit !== 'string') throw new TypeError(`observations[${i}].unit is not a string`);
    if (obs.answers == null || typeof obs.answers !== 'object') {
      throw new TypeError(`observations[${i}].answers is not an object`);
    }
    if (obs.flags !== undefined && !Array.isArray(obs.flags))
      throw new TypeError(`observations[${i}].flags is not an array`);
    if (drop(obs.flags)) {
      excluded++;
      continue;
    }
    let u = unitIndex.get(obs.unit);
    if (u === undefined) {
      if (fixedUnits) throw new RangeError(`observations[${i}].unit ${obs.unit} is not in options.units`);
      const block = obs.block ?? soleBlock;
      if (block == null)
        throw new TypeError(`observations[${i}].block is missing and the methodology has several blocks`);
      u = units.length;
      unitIndex.set(obs.unit, u);
      units.push({ code: obs.unit, block });
    } else if (obs.block !== undefined && obs.block !== units[u]?.block) {
      throw new RangeError(`observations[${i}].block ${obs.block} differs from unit ${obs.unit}'s block`);
    }
    unitOfObs[i] = u;
  }
  return { unitOfObs, excluded };
}

// Rows grouped by unit in rank order: unit r owns rows unitStart[r] … unitStart[r+1] − 1, kept observations in
// arrival order. rowOf[i] is observation i's row (−1 when dropped), statOf[i] its unit's offset (rank × K).
function layoutRows(
  unitOfObs: Int32Array,
  rank: Int32Array,
  K: number,
): { unitStart: Int32Array; rowOf: Int32Array; statOf: Int32Array } {
  const U = rank.length;
  const unitStart = new Int32Array(U + 1);
  for (let i = 0; i < unitOfObs.length; i++) {
    const u = unitOfObs[i]!;
    if (u >= 0) unitStart[rank[u]! + 1]!++;
  }
  for (let u = 0; u < U; u++) unitStart[u + 1]! += unitStart[u]!;
  const cursor = unitStart.slice(0, U);
  const rowOf = new Int32Array(unitOfObs.length).fill(-1);
  const statOf = new Int32Array(unitOfObs.length);
  for (let i = 0; i < unitOfObs.length; i++) {
    const u = unitOfObs[i]!;
    if (u < 0) continue;
    rowOf[i] = cursor[rank[u]!]!++;
    statOf[i] = rank[u]! * K;
  }
  return { unitStart, rowOf, statOf };
}

function flagRule(rule: boolean | readonly string[]): (flags: string[] | undefined) => boolean {
  if (rule === false) return () => false;
  if (rule === true) return (flags) => flags !== undefined && flags.length > 0;
  if (!Array.isArray(rule)) throw new TypeError('options.excludeFlagged is not a boolean or an array');
  const set = new Set(rule);
  return (flags) => flags !== undefined && flags.some((f) => set.has(f));
}

function leaves(tree: AggregateNode): IndicatorNode[] {
  if (tree == null || !Array.isArray(tree.children))
    throw new TypeError('methodology.tree is not an aggregate node');
  const out: IndicatorNode[] = [];
  const walk = (node: MethodologyNode): void => {
    if (node.type === 'indicator') out.push(node);
    else for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
