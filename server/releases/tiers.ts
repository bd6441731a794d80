import type { Localized } from '#api/text.js';

/** Stable tier codes for the PCI/DDCI rating groups, by Vietnamese label; others get tier_N. */
const TIER_CODES: Record<string, string> = {
  'Rất tốt': 'excellent',
  Tốt: 'high',
  Khá: 'mid_high',
  'Trung bình': 'average',
  'Tương đối thấp': 'relatively_low',
  Thấp: 'low',
};

export const tierCode = (label: Localized, index: number): string =>
  TIER_CODES[label.vi] ?? `tier_${index + 1}`;
