import type { ImportKind } from '#server/import/kind.js';
import { pciBenchmarks } from './pci-benchmarks.js';
import { pciIndicatorLabels } from './pci-indicator-labels.js';
import { pciIndicators } from './pci-indicators.js';
import { pciLineage } from './pci-lineage.js';
import { pciScores } from './pci-scores.js';
import { pciUnits } from './pci-units.js';

/** Every import kind, in the order a fresh database needs them. */
export const importKinds: readonly ImportKind[] = [
  pciUnits,
  pciLineage,
  pciIndicatorLabels,
  pciBenchmarks,
  pciIndicators,
  pciScores,
];

export const findKind = (name: string): ImportKind | undefined => importKinds.find((k) => k.name === name);
