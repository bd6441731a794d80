import { BENCHMARKED_METHODS, type IndicatorNode, type Normaliser } from './types.js';

type Finding = [path: string, rule: string, message: string];

/** Parameters each normaliser accepts; anything else set on it is an error, not silently ignored. */
export const NORMALISER_PARAMS: Record<Normaliser['method'], (keyof Normaliser)[]> = {
  pci: [],
  minmax: ['lower', 'upper'],
  zscore: ['mean', 'sd'],
  rank: ['tieTolerance'],
  prank: ['tieTolerance'],
  borda: ['tieTolerance'],
  dist2max: [],
  dist2target: ['target', 'cap'],
  goalposts: ['lower', 'upper', 'scale', 'truncate'],
  scaled: ['lower', 'upper', 'scale'],
};

/** Normaliser parameters, benchmark policy and survey source rules of one indicator. */
export function normaliserIssues(node: IndicatorNode): Finding[] {
  const out: Finding[] = [];
  const n = node.normaliser;
  for (const key of Object.keys(n) as (keyof Normaliser)[]) {
    if (key !== 'method' && !NORMALISER_PARAMS[n.method].includes(key)) {
      out.push([
        `/normaliser/${key}`,
        'normaliser-param',
        `"${key}" does not apply to normaliser "${n.method}"`,
      ]);
    }
  }
  const needsPosts = n.method === 'goalposts' || n.method === 'scaled';
  if (needsPosts && (n.lower === undefined || n.upper === undefined)) {
    out.push(['/normaliser', 'normaliser-param', `"${n.method}" needs lower and upper`]);
  } else if (n.lower !== undefined && n.upper !== undefined && !(n.lower < n.upper)) {
    out.push(['/normaliser/upper', 'normaliser-range', 'upper must be greater than lower']);
  }
  if (n.method === 'zscore' && n.sd !== undefined && !(n.sd > 0))
    out.push(['/normaliser/sd', 'normaliser-range', 'sd must be > 0']);
  if (n.method === 'dist2target' && n.target === undefined) {
    out.push(['/normaliser', 'normaliser-param', '"dist2target" needs a target']);
  }
  const b = node.benchmark;
  if (b) {
    if (!BENCHMARKED_METHODS.includes(n.method)) {
      out.push(['/benchmark', 'benchmark-applies', `normaliser "${n.method}" takes no benchmark`]);
    }
    if (b.kind === 'fixed' && !(b.min !== undefined && b.max !== undefined && b.min < b.max)) {
      out.push(['/benchmark', 'benchmark-fixed', 'a fixed benchmark needs min < max']);
    }
    if (b.kind !== 'fixed' && (b.min !== undefined || b.max !== undefined)) {
      out.push(['/benchmark', 'benchmark-fixed', 'min and max apply only to a fixed benchmark']);
    }
    if (b.kind === 'pooled' && !b.editions)
      out.push(['/benchmark', 'benchmark-pooled', 'a pooled benchmark needs editions']);
    if (b.kind !== 'pooled' && b.editions)
      out.push(['/benchmark/editions', 'benchmark-pooled', 'editions apply only to pooled']);
    if (b.editions && new Set(b.editions).size !== b.editions.length) {
      out.push(['/benchmark/editions', 'benchmark-pooled', 'editions must be unique']);
    }
  }
  const s = node.source;
  if (s.kind === 'survey') {
    if (s.statistic === 'share' && !s.categories)
      out.push(['/source', 'share-needs-categories', 'a share needs categories']);
    if (s.statistic !== 'share' && s.categories)
      out.push(['/source/categories', 'share-needs-categories', 'categories apply only to a share']);
    if (s.statistic === 'percentile' && s.p === undefined)
      out.push(['/source', 'percentile-needs-p', 'a percentile needs p']);
    if (s.statistic !== 'percentile' && s.p !== undefined)
      out.push(['/source/p', 'percentile-needs-p', 'p applies only to a percentile']);
    const f = s.filter;
    if (f && (f.op === 'in') !== Array.isArray(f.value)) {
      out.push(['/source/filter/value', 'filter-value', 'op "in" takes a list, other ops a single value']);
    }
  }
  return out;
}
