// Builds the smallest methodology that carries the given indicator sources (tests only).

import type {
  AggregateNode,
  IndicatorNode,
  IndicatorSource,
  Methodology,
} from '../../../scoring/methodology/types.js';

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
