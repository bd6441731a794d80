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

/** Published scores of one edition by province key. */
export function publishedScores(year: number): Map<string, Record<string, string>> {
  return new Map(
    pciScores()
      .filter((r) => Number(r.year) === year)
      .map((r) => [r.province_key!, r]),
  );
}
