// npx tsx server/cli/score/generate-pci.ts — writes scoring/methodologies/pci-<year>.json for 2014–2016 from the
// shipped 2013 file (sub-indices, weights, scale, tiers, English names) and the year's rows of
// server/data/pci/pci-benchmarks-2013-2016.csv (indicators, directions, weights, fixed benchmarks) and
// pci-indicator-labels-2013-2016.csv (Vietnamese wording). Indicators renamed in 2014 keep the 2013 English name
// (SOURCE.md lists the renames); rows without a direction (c1_1_3, 2014: weight 0) are not part of the score.
// Run `npx prettier --write scoring/methodologies/pci-201[456].json` afterwards (the files are kept formatted).

import { readFileSync, writeFileSync } from 'node:fs';
import { checkMethodology } from '#scoring/methodology/check.js';
import type { AggregateNode, IndicatorNode, Methodology } from '#scoring/methodology/types.js';
import { parseCsv } from './csv.js';

const RENAMED: Record<string, string> = {
  g1_new: 'd6_new',
  g3_new: 'd10_new',
  g4_new: 'd11_new',
  g92_new: 'd14_2_new',
  g5_new: 'd12_new',
  h72_new: 'h22_new',
  h73_new: 'h23_new',
  e13_new: 'e17_new',
  e1_12_new: 'e18_new',
  g8_new: 'appeal',
  h79_new: 'propertyrt',
  private_cases: 'privatecases',
  f6_new: 'f8_new',
  trade_fair_avg: 'tradefair',
  e712_continue: 'e715_continue',
  e722_continue: 'e725_continue',
  e742_continue: 'e745_continue',
  e752_continue: 'e755_continue',
  e762_continue: 'e765_continue',
};
const NEW_NAMES: Record<string, string> = {
  casesolved_per: 'Share of court cases resolved within the year (provincial court; new in 2014)',
};

const root = new URL('../../../', import.meta.url);
const records = (file: string): Record<string, string>[] => {
  const csv = parseCsv(readFileSync(new URL(`server/data/pci/${file}`, root), 'utf8'), file);
  return csv.rows.map((r) => Object.fromEntries(csv.header.map((h, j) => [h, r.fields[j] ?? ''])));
};

/** pciMethodology(base, year, benchmarks, labels) — the edition's methodology on the 2013 frame. */
export function pciMethodology(
  base: Methodology,
  year: number,
  benchmarks: Record<string, string>[],
  labels: Record<string, string>[],
): Methodology {
  const english = new Map<string, string>();
  for (const s of base.tree.children as AggregateNode[])
    for (const i of s.children) english.set(i.code, i.name.en);
  const m = structuredClone(base);
  m.version = String(year);
  m.name = {
    vi: base.name.vi.replace('2013', String(year)),
    en: base.name.en.replace('2013', String(year)),
  };
  m.description = {
    vi: `Phương pháp PCI ${year}: 10 chỉ số thành phần, trọng số áp dụng từ 2013; chỉ tiêu chuẩn hoá 1 + 9·(x − min)/(max − min) theo mốc ${year} (server/data/pci/pci-benchmarks-2013-2016.csv). Trọng số chỉ tiêu đã gộp nhóm chỉ tiêu. Mốc không ghi "observed" trong tệp đó là giá trị hiệu dụng ước lượng, không phải mốc VCCI công bố.`,
    en: `PCI ${year} method: 10 sub-indices with the weights in use since 2013; indicators scored 1 + 9·(x − min)/(max − min) against the ${year} benchmarks (server/data/pci/pci-benchmarks-2013-2016.csv). Indicator weights already fold in the indicator groups. Benchmarks not marked "observed" in that file are fitted effective values, not VCCI's published ones.`,
  };
  for (const sub of m.tree.children as AggregateNode[]) {
    sub.children = benchmarks
      .filter((r) => Number(r.year) === year && r.subindex_key === sub.code && r.direction !== '')
      .map((r): IndicatorNode => {
        const code = r.indicator_code!;
        const vi = labels.find(
          (l) => Number(l.year) === year && l.subindex_key === sub.code && l.indicator_code === code,
        )?.indicator_label_vi;
        const en = english.get(code) ?? english.get(RENAMED[code] ?? '') ?? NEW_NAMES[code];
        if (!vi || !en) throw new Error(`${year} ${code}: no label`);
        return {
          type: 'indicator',
          code,
          name: { vi, en },
          weight: Number(r.weight),
          source: { kind: 'hard', series: code },
          direction: Number(r.direction) as 1 | -1,
          normaliser: { method: 'pci' },
          benchmark: { kind: 'fixed', min: Number(r.min), max: Number(r.max) },
        };
      });
  }
  return checkMethodology(m);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*server\//, 'server/'))) {
  const at = (y: number) => new URL(`scoring/methodologies/pci-${y}.json`, root);
  const base = checkMethodology(JSON.parse(readFileSync(at(2013), 'utf8')));
  const benchmarks = records('pci-benchmarks-2013-2016.csv');
  const labels = records('pci-indicator-labels-2013-2016.csv');
  for (const year of [2014, 2015, 2016]) {
    const m = pciMethodology(base, year, benchmarks, labels);
    writeFileSync(at(year), JSON.stringify({ $schema: base.$schema, ...m }, null, 2) + '\n');
    console.log(`wrote scoring/methodologies/pci-${year}.json`);
  }
}
