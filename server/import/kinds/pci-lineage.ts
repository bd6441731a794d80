import { unitLineage } from '#server/db/schema/index.js';
import { upsert } from '#server/db/upsert.js';
import type { ImportKind } from '#server/import/kind.js';
import { DATE } from '#server/import/context.js';

const EVENTS = ['merge', 'split', 'rename', 'abolish'] as const;

/** Reorganisation events between provinces: server/data/units/province-lineage.csv. */
export const pciLineage: ImportKind = {
  name: 'pci-lineage',
  description: 'merge/split/rename/abolish events between provinces (server/data/units/province-lineage.csv)',
  columns: ['event', 'date', 'from_code', 'to_code', 'note_vi', 'note_en'],
  async run(db, csv, issues, ctx) {
    const seen = new Map<string, number>();
    const rows = csv.rows.map(({ line, values: v }) => {
      const event = v.event as (typeof EVENTS)[number];
      if (!EVENTS.includes(event))
        issues.add(line, 'event', `must be one of ${EVENTS.join(', ')} (got "${v.event}")`);
      if (!DATE.test(v.date ?? '')) issues.add(line, 'date', `must be a date YYYY-MM-DD (got "${v.date}")`);
      const from = ctx.provinces.get(v.from_code ?? '');
      if (!from)
        issues.add(line, 'from_code', `unknown province key "${v.from_code}" (import pci-units first)`);
      const to = v.to_code ? ctx.provinces.get(v.to_code) : undefined;
      if (v.to_code && !to) issues.add(line, 'to_code', `unknown province key "${v.to_code}"`);
      if ((event === 'abolish') !== !v.to_code)
        issues.add(line, 'to_code', event === 'abolish' ? 'must be empty for abolish' : 'is required');
      issues.unique(seen, `${v.event}|${v.from_code}|${v.to_code}|${v.date}`, line, 'from_code', 'event');
      return {
        event,
        date: v.date!,
        fromUnitId: from?.id ?? 0,
        toUnitId: to?.id ?? null,
        noteVi: v.note_vi || null,
        noteEn: v.note_en || null,
      };
    });
    issues.fail();
    return upsert(
      db,
      unitLineage,
      rows,
      [unitLineage.event, unitLineage.fromUnitId, unitLineage.toUnitId, unitLineage.date],
      ['noteVi', 'noteEn'],
    );
  },
};
