import { units } from '#server/db/schema/index.js';
import { upsert } from '#server/db/upsert.js';
import type { ImportKind } from '#server/import/kind.js';
import { CODE, DATE } from '#server/import/context.js';

/** Provinces (pre- and post-2025), with validity periods: server/data/units/provinces.csv. */
export const pciUnits: ImportKind = {
  name: 'pci-units',
  description: 'provinces of the PCI with validity dates (server/data/units/provinces.csv)',
  columns: ['code', 'name_vi', 'name_en', 'gso_code', 'valid_from', 'valid_to'],
  async run(db, csv, issues, ctx) {
    const seen = new Map<string, number>();
    const rows = csv.rows.map(({ line, values: v }) => {
      if (!CODE.test(v.code ?? ''))
        issues.add(line, 'code', `must be lowercase ASCII letters, digits, - or _ (got "${v.code}")`);
      issues.unique(seen, v.code ?? '', line, 'code', 'unit code');
      issues.text(line, 'name_vi', v.name_vi);
      issues.text(line, 'name_en', v.name_en);
      for (const col of ['valid_from', 'valid_to'] as const) {
        if (v[col] && !DATE.test(v[col]!))
          issues.add(line, col, `must be a date YYYY-MM-DD (got "${v[col]}")`);
      }
      if (v.valid_from && v.valid_to && v.valid_from > v.valid_to)
        issues.add(line, 'valid_to', 'is before valid_from');
      return {
        blockId: ctx.provincesBlockId,
        code: v.code!,
        nameVi: v.name_vi!,
        nameEn: v.name_en!,
        officialCode: v.gso_code || null,
        validFrom: v.valid_from || null,
        validTo: v.valid_to || null,
      };
    });
    issues.fail();
    return upsert(
      db,
      units,
      rows,
      [units.blockId, units.code],
      ['nameVi', 'nameEn', 'officialCode', 'validFrom', 'validTo'],
    );
  },
};
