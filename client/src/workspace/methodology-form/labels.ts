import { msg } from '@lit/localize';
import type { BenchmarkKind, NormaliserMethod, TierMethod } from '#scoring/methodology/types.js';
import type { NormaliserParam } from './edits.js';

/** Names of the normalisers, benchmark kinds, tier methods and parameters in the interface language. */
export const methodName = (m: NormaliserMethod): string =>
  ({
    pci: msg('PCI: min–max to 1–10', { id: 'ws.rules.m.pci' }),
    minmax: msg('Min–max', { id: 'ws.rules.m.minmax' }),
    zscore: msg('z-score', { id: 'ws.rules.m.zscore' }),
    rank: msg('Rank', { id: 'ws.rules.m.rank' }),
    prank: msg('Percentile rank', { id: 'ws.rules.m.prank' }),
    borda: msg('Borda score', { id: 'ws.rules.m.borda' }),
    dist2max: msg('Distance to the best', { id: 'ws.rules.m.dist2max' }),
    dist2target: msg('Distance to a target', { id: 'ws.rules.m.dist2target' }),
    goalposts: msg('Goalposts', { id: 'ws.rules.m.goalposts' }),
    scaled: msg('Scaled between posts', { id: 'ws.rules.m.scaled' }),
  })[m];

export const benchmarkName = (k: BenchmarkKind | ''): string =>
  ({
    '': msg('None', { id: 'ws.rules.b.none' }),
    current: msg('This edition', { id: 'ws.rules.b.current' }),
    pooled: msg('Pooled editions', { id: 'ws.rules.b.pooled' }),
    fixed: msg('Fixed min and max', { id: 'ws.rules.b.fixed' }),
  })[k];

export const tierMethodName = (t: TierMethod | ''): string =>
  ({
    '': msg('No tiers', { id: 'ws.rules.t.none' }),
    fixed: msg('Fixed cut-offs on the composite', { id: 'ws.rules.t.fixed' }),
    quantile: msg('Shares of units (quantiles)', { id: 'ws.rules.t.quantile' }),
    meansd: msg('Mean + k × standard deviation', { id: 'ws.rules.t.meansd' }),
  })[t];

export const tierCutoffName = (t: TierMethod): string =>
  ({
    fixed: msg('Cut-off (composite points)', { id: 'ws.rules.c.fixed' }),
    quantile: msg('Cut-off (probability)', { id: 'ws.rules.c.quantile' }),
    meansd: msg('Cut-off (k)', { id: 'ws.rules.c.meansd' }),
  })[t];

export const paramName = (p: NormaliserParam): string =>
  ({
    lower: msg('Lower', { id: 'ws.rules.p.lower' }),
    upper: msg('Upper', { id: 'ws.rules.p.upper' }),
    mean: msg('Mean', { id: 'ws.rules.p.mean' }),
    sd: msg('Standard deviation', { id: 'ws.rules.p.sd' }),
    target: msg('Target', { id: 'ws.rules.p.target' }),
    scale: msg('Scale', { id: 'ws.rules.p.scale' }),
  })[p];
