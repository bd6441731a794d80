// Test fixtures: the smallest methodology that carries given indicator sources, and a small seeded survey edition.

import type { Observation } from '#scoring/indicators/types.js';
import { randomSource } from '#scoring/random.js';
import type {
  AggregateNode,
  IndicatorNode,
  IndicatorSource,
  Methodology,
} from '#scoring/methodology/types.js';

export function indicator(
  code: string,
  source: IndicatorSource,
  extra: Partial<IndicatorNode> = {},
): IndicatorNode {
  return {
    type: 'indicator',
    code,
    name: { vi: code, en: code },
    weight: 1,
    source,
    direction: 1,
    normaliser: { method: 'pci' },
    ...extra,
  };
}

export function methodologyOf(...indicators: IndicatorNode[]): Pick<Methodology, 'tree' | 'blocks'> {
  const tree: AggregateNode = {
    type: 'index',
    code: 'INDEX',
    name: { vi: 'Chỉ số', en: 'Index' },
    weight: 1,
    aggregator: 'arithmetic',
    children: indicators,
  };
  return { tree, blocks: [{ code: 'all', name: { vi: 'Tất cả', en: 'All' } }] };
}

/**
 * A small complete survey methodology (two sub-indices, four survey indicators, PCI normaliser, 100-point
 * scale) and seeded observations: `units` units with `per` firms each, unit i leaning better as i grows.
 */
export function surveyEdition(
  units = 6,
  per = 40,
  seed = 5,
): { methodology: Methodology; observations: Observation[] } {
  const rng = randomSource(seed);
  const sub = (code: string, children: IndicatorNode[]): AggregateNode => ({
    type: 'subindex',
    code,
    name: { vi: code, en: code },
    weight: 1,
    aggregator: 'arithmetic',
    children,
  });
  const methodology: Methodology = {
    id: 'test-survey',
    version: '1',
    name: { vi: 'Thử', en: 'Test' },
    blocks: [{ code: 'all', name: { vi: 'Tất cả', en: 'All' } }],
    scale: { from: [1, 10], to: [10, 100] },
    tree: {
      type: 'index',
      code: 'INDEX',
      name: { vi: 'Chỉ số', en: 'Index' },
      weight: 1,
      aggregator: 'arithmetic',
      children: [
        sub('TRANS', [
          indicator('T_SHARE', { kind: 'survey', item: 'T1', statistic: 'share', categories: [4, 5] }),
          indicator('T_MEAN', { kind: 'survey', item: 'T2', statistic: 'mean' }),
        ]),
        sub('TIME', [
          indicator('D_MED', { kind: 'survey', item: 'D1', statistic: 'median' }, { direction: -1 }),
          indicator(
            'D_P90',
            { kind: 'survey', item: 'D1', statistic: 'percentile', p: 90 },
            { direction: -1 },
          ),
        ]),
      ],
    },
  };
  const observations: Observation[] = [];
  for (let u = 0; u < units; u++) {
    for (let i = 0; i < per; i++) {
      const lean = (u - units / 2) / units;
      const rating = (): number => Math.min(5, Math.max(1, Math.round(3 + 2 * lean + rng.normal(0, 1))));
      observations.push({
        unit: `U${u + 1}`,
        answers: {
          T1: rng.uniform() < 0.1 ? null : rating(),
          T2: rating(),
          D1: Math.max(1, Math.round(Math.exp(3 - lean + rng.normal(0, 0.5)))),
        },
      });
    }
  }
  return { methodology, observations };
}
