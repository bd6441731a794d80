// Form edits of a methodology as pure functions: each returns a changed copy. The server checks the
// result (scoring/methodology rules) and its problems come back at the JSON pointer of the field.
import {
  BENCHMARKED_METHODS,
  type AggregateNode,
  type BenchmarkPolicy,
  type IndicatorNode,
  type Methodology,
  type MethodologyNode,
  type Normaliser,
  type NormaliserMethod,
  type TierMethod,
  type TierRule,
} from '#scoring/methodology/types.js';
import { NORMALISER_PARAMS } from '#scoring/methodology/semantic-node.js';

/** The numeric parameters of each normaliser the form offers (scoring/ says which ones apply). */
const NUMERIC = ['lower', 'upper', 'mean', 'sd', 'target', 'scale'] as const;
export type NormaliserParam = (typeof NUMERIC)[number];
export const numericParams = (method: NormaliserMethod): NormaliserParam[] =>
  NUMERIC.filter((p) => NORMALISER_PARAMS[method].includes(p));

export interface IndicatorRef {
  node: IndicatorNode;
  /** JSON pointer of the node in the methodology, e.g. /tree/children/0/children/1. */
  path: string;
}

/** Every indicator in tree order with its JSON pointer. */
export function indicators(m: Methodology): IndicatorRef[] {
  const out: IndicatorRef[] = [];
  const walk = (n: MethodologyNode, path: string) => {
    if (n.type === 'indicator') out.push({ node: n, path });
    else n.children.forEach((c, k) => walk(c, `${path}/children/${k}`));
  };
  walk(m.tree, '/tree');
  return out;
}

/** A copy with `change` applied to the indicator `code`, or to every indicator when code is "*". */
function eachIndicator(m: Methodology, code: string, change: (n: IndicatorNode) => void): Methodology {
  const copy = structuredClone(m);
  const walk = (n: MethodologyNode | AggregateNode) => {
    if (n.type === 'indicator') {
      if (code === '*' || n.code === code) change(n);
    } else n.children.forEach(walk);
  };
  walk(copy.tree);
  return copy;
}

/** A new normaliser method: parameters that still apply are kept, a benchmark only where one applies. */
export function setNormaliser(m: Methodology, code: string, method: NormaliserMethod): Methodology {
  return eachIndicator(m, code, (n) => {
    const next: Normaliser = { method };
    for (const p of NORMALISER_PARAMS[method])
      if (n.normaliser[p] !== undefined) Object.assign(next, { [p]: n.normaliser[p] });
    if (method === 'minmax' && next.lower === undefined && next.upper === undefined) {
      next.lower = 0;
      next.upper = 100;
    }
    n.normaliser = next;
    if (!BENCHMARKED_METHODS.includes(method)) delete n.benchmark;
  });
}

/** One normaliser parameter; undefined (an empty field) removes it. */
export function setNormaliserParam(
  m: Methodology,
  code: string,
  key: NormaliserParam,
  value: number | undefined,
): Methodology {
  return eachIndicator(m, code, (n) => {
    if (value === undefined) delete n.normaliser[key];
    else n.normaliser[key] = value;
  });
}

/** The benchmark policy: kind "" removes it; pooled takes editions, fixed min and max. */
export function setBenchmark(
  m: Methodology,
  code: string,
  kind: BenchmarkPolicy['kind'] | '',
  detail: { editions?: number[]; min?: number; max?: number } = {},
): Methodology {
  return eachIndicator(m, code, (n) => {
    if (kind === '') return void delete n.benchmark;
    const b: BenchmarkPolicy = { kind };
    if (kind === 'pooled') b.editions = detail.editions ?? n.benchmark?.editions ?? [];
    if (kind === 'fixed') {
      const min = detail.min ?? n.benchmark?.min;
      const max = detail.max ?? n.benchmark?.max;
      if (min !== undefined) b.min = min;
      if (max !== undefined) b.max = max;
    }
    n.benchmark = b;
  });
}

/** "2023, 2024 2025" → [2023, 2024, 2025]; anything not a whole number is left out. */
export const parseEditions = (text: string): number[] =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((x) => Number.isInteger(x));

export const TIER_FIELD = { fixed: 'cutoffs', quantile: 'probabilities', meansd: 'k' } as const;

/** Default cut-offs for `n` of them, best first: composite points, shares of units, or sds from the mean. */
function defaults(method: TierMethod, n: number): number[] {
  const at = (i: number) => (n === 1 ? 0.5 : i / (n - 1));
  if (method === 'fixed') return Array.from({ length: n }, (_, i) => Math.round(80 - at(i) * 40));
  if (method === 'quantile')
    return Array.from({ length: n }, (_, i) => Math.round((0.9 - at(i) * 0.8) * 100) / 100);
  return Array.from({ length: n }, (_, i) => Math.round((1.5 - at(i) * 3) * 100) / 100);
}

/** The tier method ("" = no tiers): the labels stay, the cut-offs are reset to that method's scale. */
export function setTierMethod(m: Methodology, method: TierMethod | ''): Methodology {
  const copy = structuredClone(m);
  if (method === '') {
    delete copy.tiers;
    return copy;
  }
  const labels = copy.tiers?.labels ?? [
    { code: 'high', vi: 'Cao', en: 'High' },
    { code: 'middle', vi: 'Trung bình', en: 'Middle' },
    { code: 'low', vi: 'Thấp', en: 'Low' },
  ];
  if (copy.tiers?.method === method) return copy;
  const rule: TierRule = { method, labels };
  rule[TIER_FIELD[method]] = defaults(method, Math.max(1, labels.length - 1));
  copy.tiers = rule;
  return copy;
}

/** Cut-off `i` of the tier rule (between label i and i + 1). */
export function setTierCutoff(m: Methodology, i: number, value: number): Methodology {
  const copy = structuredClone(m);
  const list = copy.tiers?.[TIER_FIELD[copy.tiers.method]];
  if (list && i < list.length) list[i] = value;
  return copy;
}

export function setTierLabel(
  m: Methodology,
  i: number,
  field: 'code' | 'vi' | 'en',
  text: string,
): Methodology {
  const copy = structuredClone(m);
  const label = copy.tiers?.labels[i];
  if (label) {
    if (field === 'code' && text === '') delete label.code;
    else label[field] = text;
  }
  return copy;
}

/** Adds a tier at the end (a label and the cut-off above it), or removes tier `i` with its cut-off. */
export function addTier(m: Methodology): Methodology {
  const copy = structuredClone(m);
  const t = copy.tiers;
  if (!t) return copy;
  const list = (t[TIER_FIELD[t.method]] ??= []);
  const last = list.at(-1);
  list.push(
    last === undefined
      ? defaults(t.method, 1)[0]!
      : t.method === 'quantile'
        ? last / 2
        : last - (t.method === 'fixed' ? 10 : 0.5),
  );
  t.labels.push({ vi: '', en: '' });
  return copy;
}

export function removeTier(m: Methodology, i: number): Methodology {
  const copy = structuredClone(m);
  const t = copy.tiers;
  if (!t || t.labels.length <= 2) return copy;
  t.labels.splice(i, 1);
  t[TIER_FIELD[t.method]]?.splice(Math.min(i, t.labels.length - 1), 1);
  return copy;
}
