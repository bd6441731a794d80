import { indicators } from '#server/db/schema/index.js';
import { upsert } from '#server/db/upsert.js';
import { ensureEdition } from '#server/import/family.js';
import type { ImportKind } from '#server/import/kind.js';
import { checkYearAndComponent } from './pci-indicator-keys.js';

/** The indicator dictionary: Vietnamese wording of each indicator per edition. */
export const pciIndicatorLabels: ImportKind = {
  name: 'pci-indicator-labels',
  description:
    'indicator dictionary: year, sub-index, code and Vietnamese label (pci-indicator-labels-2013-2016.csv)',
  columns: ['year', 'subindex_key', 'indicator_code', 'indicator_label_vi'],
  async run(db, csv, issues, ctx) {
    const seen = new Map<string, number>();
    const parsed = csv.rows.map(({ line, values: v }) => {
      const { year, componentId } = checkYearAndComponent(issues, ctx, line, v);
      const code = issues.text(line, 'indicator_code', v.indicator_code);
      const label = issues.text(line, 'indicator_label_vi', v.indicator_label_vi);
      issues.unique(
        seen,
        `${v.year}|${v.subindex_key}|${v.indicator_code}`,
        line,
        'indicator_code',
        'indicator',
      );
      return { year: year!, componentId: componentId!, code: code!, labelVi: label! };
    });
    issues.fail();
    const editionIds = new Map<number, number>();
    for (const year of new Set(parsed.map((p) => p.year)))
      editionIds.set(year, await ensureEdition(db, ctx.spec, ctx.ids, year));
    const rows = parsed.map((p) => ({
      editionId: editionIds.get(p.year)!,
      componentId: p.componentId,
      code: p.code,
      labelVi: p.labelVi,
    }));
    return upsert(
      db,
      indicators,
      rows,
      [indicators.editionId, indicators.componentId, indicators.code, indicators.blockId],
      ['labelVi'],
    );
  },
};
