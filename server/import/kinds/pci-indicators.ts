import { indicatorValues } from '#server/db/schema/index.js';
import { upsert } from '#server/db/upsert.js';
import { existedIn } from '#server/import/context.js';
import type { ImportKind } from '#server/import/kind.js';
import { checkYearAndComponent, indicatorIds } from './pci-indicator-keys.js';

/** Indicator values per province and edition, long format (pci-indicators-2013-2016.csv). */
export const pciIndicators: ImportKind = {
  name: 'pci-indicators',
  description:
    'indicator values per province and year, long format (pci-indicators-2013-2016.csv); import labels first',
  columns: ['year', 'province_key', 'subindex_key', 'indicator_code', 'value'],
  async run(db, csv, issues, ctx) {
    const seen = new Map<string, number>();
    const years = [...new Set(csv.rows.map((r) => Number(r.values.year)).filter(Number.isInteger))];
    const ids = await indicatorIds(db, ctx, years);
    const rows = csv.rows.map(({ line, values: v }) => {
      const { year } = checkYearAndComponent(issues, ctx, line, v);
      const unit = ctx.provinces.get(v.province_key ?? '');
      if (!unit) issues.add(line, 'province_key', `unknown province key "${v.province_key}"`);
      else if (year !== null && !existedIn(unit, year))
        issues.add(line, 'province_key', `province "${v.province_key}" did not exist in ${year}`);
      const indicatorId = ids.get(`${v.year}|${v.subindex_key}|${v.indicator_code}`);
      if (indicatorId === undefined) {
        issues.add(
          line,
          'indicator_code',
          `unknown indicator "${v.indicator_code}" in ${v.year} ${v.subindex_key} (import pci-indicator-labels first)`,
        );
      }
      issues.unique(
        seen,
        `${v.year}|${v.province_key}|${v.subindex_key}|${v.indicator_code}`,
        line,
        'province_key',
        'row for this year, province and indicator',
      );
      const value = issues.number(line, 'value', v.value, { optional: true });
      return {
        indicatorId: indicatorId!,
        unitId: unit?.id ?? 0,
        value,
        n: null,
        source: 'VCCI PCI workbook',
      };
    });
    issues.fail();
    return upsert(
      db,
      indicatorValues,
      rows,
      [indicatorValues.indicatorId, indicatorValues.unitId],
      ['value', 'source'],
      1000,
    );
  },
};
