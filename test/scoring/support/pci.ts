import type { AggregateNode, IndicatorNode, Methodology } from '#scoring/methodology/types.js';
import type { DataTable } from '#scoring/types.js';
import { cell, pciData, readCsv } from './csv.js';

export const SUBINDICES = [
  'entry_costs',
  'land_access',
  'transparency',
  'time_costs',
  'informal_charges',
  'policy_bias',
  'proactivity',
  'business_support',
  'labor_training',
  'legal_institutions',
] as const;

let indicators: Record<string, string>[] | null = null;
let benchmarks: Record<string, string>[] | null = null;
let scores: Record<string, string>[] | null = null;

export const pciIndicators = () => (indicators ??= readCsv(pciData('pci-indicators-2013-2016.csv')));
export const pciBenchmarks = () => (benchmarks ??= readCsv(pciData('pci-benchmarks-2013-2016.csv')));
export const pciScores = () => (scores ??= readCsv(pciData('pci-scores-2006-2016.csv')));
export const pciReproduction = () => readCsv(pciData('pci-reproduction-2013-2016.csv'));

/** One edition's indicator values as a table, one province per unit. */
export function pciTable(year: number): DataTable {
  const rows = pciIndicators().filter((r) => Number(r.year) === year);
  const provinces = [...new Set(rows.map((r) => r.province_key!))];
  const at = new Map(provinces.map((p, i) => [p, i]));
  const values: Record<string, (number | null)[]> = {};
  for (const r of rows) {
    (values[r.indicator_code!] ??= new Array(provinces.length).fill(null))[at.get(r.province_key!)!] = cell(
      r.value,
    );
  }
  return { edition: year, units: provinces.map((code) => ({ code, block: 'provinces' })), values };
}

/** The shipped PCI 2013 methodology with another edition's indicators and fixed benchmarks from the CSV. */
export function pciMethodologyFor(base: Methodology, year: number): Methodology {
  const rows = pciBenchmarks().filter((r) => Number(r.year) === year);
  const m = structuredClone(base);
  m.version = String(year);
  for (const sub of m.tree.children as AggregateNode[]) {
    sub.children = rows
      // c1_1_3 (2014) has no direction and weight 0: it is not part of the published score.
      .filter((r) => r.subindex_key === sub.code && r.direction !== '')
      .map((r): IndicatorNode => ({
        type: 'indicator',
        code: r.indicator_code!,
        name: { vi: r.indicator_code!, en: r.indicator_code! },
        weight: Number(r.weight),
        source: { kind: 'hard', series: r.indicator_code! },
        direction: Number(r.direction) as 1 | -1,
        normaliser: { method: 'pci' },
        benchmark: { kind: 'fixed', min: Number(r.min), max: Number(r.max) },
      }));
  }
  return m;
}

/** Published scores of one edition by province key. */
export function publishedScores(year: number): Map<string, Record<string, string>> {
  return new Map(
    pciScores()
      .filter((r) => Number(r.year) === year)
      .map((r) => [r.province_key!, r]),
  );
}
