// A deterministic synthetic DDCI edition for the benchmark: R respondents' ratings spread over U units in 3
// blocks, I items in 8 components. Each unit has a latent quality; answers lean on it, with "don't know"
// (null) answers, a profile year used by sub-population filters, and a few quality-flagged observations.

import type { Observation } from '#scoring/indicators/types.js';
import type { AggregateNode, IndicatorNode, Methodology, SurveySource } from '#scoring/methodology/types.js';
import { randomSource } from '#scoring/random.js';

export interface SyntheticOptions {
  respondents?: number;
  items?: number;
  units?: number;
  seed?: number | string;
}

export interface SyntheticEdition {
  methodology: Methodology;
  observations: Observation[];
  units: { code: string; block: string }[];
}

const COMPONENTS = ['TRANS', 'TIME', 'INFORMAL', 'FAIR', 'DYNAMIC', 'SUPPORT', 'LEGAL', 'HEAD'];
const BLOCKS = ['departments', 'localities', 'central'];

/** syntheticDdci({respondents, items, units, seed}) builds the same edition for the same options. */
export function syntheticDdci(options: SyntheticOptions = {}): SyntheticEdition {
  const { respondents = 20000, items = 80, units: unitCount = 60, seed = 2024 } = options;
  const rng = randomSource(seed);
  const sources = Array.from({ length: items }, (_, i) => sourceOf(i));
  const methodology = methodologyOf(sources);

  const units = Array.from({ length: unitCount }, (_, u) => ({
    code: `U${String(u + 1).padStart(2, '0')}`,
    block: BLOCKS[Math.floor((u * BLOCKS.length) / unitCount)]!,
  }));
  const quality = units.map(() => rng.normal(0, 0.6));
  // Unequal unit sizes (as in real DDCI editions): sampling weights from 0.2 to 1.8.
  const size = units.map(() => rng.uniform(0.2, 1.8));
  const cumulative = cumulate(size);

  const observations: Observation[] = new Array(respondents);
  for (let r = 0; r < respondents; r++) {
    const u = pick(cumulative, rng.uniform());
    const q = quality[u]!;
    const answers: Observation['answers'] = {};
    for (let i = 0; i < items; i++) {
      const code = itemCode(i);
      if (rng.uniform() < 0.12) {
        answers[code] = null;
        continue;
      }
      const s = sources[i]!;
      if (s.statistic === 'median' || s.statistic === 'percentile') {
        answers[code] = Math.max(1, Math.round(Math.exp(3 - 0.5 * q + rng.normal(0, 0.7))));
      } else if (s.statistic === 'count') {
        answers[code] = rng.uniform() < 0.4 ? Math.floor(rng.uniform(0, 6)) : null;
      } else {
        answers[code] = likert(q + rng.normal(0, 1));
      }
    }
    observations[r] = {
      unit: units[u]!.code,
      block: units[u]!.block,
      answers,
      profile: { REG: 1995 + Math.floor(rng.uniform(0, 30)), SIZE: rng.uniform() < 0.7 ? 'small' : 'large' },
      ...(rng.uniform() < 0.02 ? { flags: ['speeder'] } : {}),
    };
  }
  return { methodology, observations, units };
}

function itemCode(i: number): string {
  return `Q${String(i + 1).padStart(3, '0')}`;
}

// Per component of 10: 6 shares (every third filtered to firms registered since 2015), 2 means, 1 median
// duration, 1 percentile (or count for every other component).
function sourceOf(i: number): SurveySource {
  const item = itemCode(i);
  const slot = i % 10;
  if (slot < 6) {
    return {
      kind: 'survey',
      item,
      statistic: 'share',
      categories: [4, 5],
      ...(slot % 3 === 2 ? { filter: { item: 'REG', op: '>=' as const, value: 2015 } } : {}),
    };
  }
  if (slot < 8) return { kind: 'survey', item, statistic: 'mean' };
  if (slot === 8) return { kind: 'survey', item, statistic: 'median' };
  return Math.floor(i / 10) % 2 === 0
    ? { kind: 'survey', item, statistic: 'percentile', p: 90 }
    : { kind: 'survey', item, statistic: 'count' };
}

function methodologyOf(sources: SurveySource[]): Methodology {
  const perComponent = Math.ceil(sources.length / COMPONENTS.length);
  const children: AggregateNode[] = COMPONENTS.map((code, c) => ({
    type: 'subindex',
    code,
    name: { vi: code, en: code },
    weight: c < 2 ? 2 : 1,
    aggregator: 'arithmetic',
    children: sources.slice(c * perComponent, (c + 1) * perComponent).map((source): IndicatorNode => ({
      type: 'indicator',
      code: `I_${source.item}`,
      name: { vi: source.item, en: source.item },
      weight: 1,
      source,
      direction: source.statistic === 'median' || source.statistic === 'percentile' ? -1 : 1,
      normaliser: { method: 'pci' },
      minRespondents: 10,
    })),
  }));
  return {
    id: 'synthetic-ddci',
    version: '1.0.0',
    name: { vi: 'DDCI tổng hợp', en: 'Synthetic DDCI' },
    minRespondents: 30,
    blocks: BLOCKS.map((code) => ({ code, name: { vi: code, en: code } })),
    scale: { from: [0, 10], to: [0, 100] },
    tree: {
      type: 'index',
      code: 'DDCI',
      name: { vi: 'DDCI', en: 'DDCI' },
      weight: 1,
      aggregator: 'arithmetic',
      children: children.filter((c) => c.children.length > 0),
    },
  };
}

function likert(z: number): number {
  return z < -1.2 ? 1 : z < -0.4 ? 2 : z < 0.3 ? 3 : z < 1.1 ? 4 : 5;
}

function cumulate(xs: number[]): Float64Array {
  const out = new Float64Array(xs.length);
  let s = 0;
  xs.forEach((x, i) => (out[i] = s += x));
  for (let i = 0; i < out.length; i++) out[i]! /= s;
  return out;
}

function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
