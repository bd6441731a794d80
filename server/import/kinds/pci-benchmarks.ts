import { sql } from 'drizzle-orm';
import { indicators } from '#server/db/schema/index.js';
import { emptyCount } from '#server/db/upsert.js';
import type { ImportKind } from '#server/import/kind.js';
import { checkYearAndComponent, indicatorIds } from './pci-indicator-keys.js';

/** Direction, weight and min/max benchmark of each indicator per edition. */
export const pciBenchmarks: ImportKind = {
  name: 'pci-benchmarks',
  description:
    'indicator direction, weight and benchmarks (pci-benchmarks-2013-2016.csv); import the labels first',
  columns: ['year', 'subindex_key', 'indicator_code', 'direction', 'weight', 'min', 'max', 'benchmark_basis'],
  async run(db, csv, issues, ctx) {
    const seen = new Map<string, number>();
    const years = [...new Set(csv.rows.map((r) => Number(r.values.year)).filter(Number.isInteger))];
    const ids = await indicatorIds(db, ctx, years);
    const parsed = csv.rows.map(({ line, values: v }) => {
      checkYearAndComponent(issues, ctx, line, v);
      const key = `${v.year}|${v.subindex_key}|${v.indicator_code}`;
      const id = ids.get(key);
      if (id === undefined)
        issues.add(
          line,
          'indicator_code',
          `unknown indicator "${v.indicator_code}" in ${v.year} ${v.subindex_key} (import pci-indicator-labels first)`,
        );
      issues.unique(seen, key, line, 'indicator_code', 'indicator');
      const weight = issues.number(line, 'weight', v.weight);
      if (weight !== null && weight < 0) issues.add(line, 'weight', 'must not be negative');
      // An indicator printed in the workbook but not used in the score (weight 0) has no benchmark.
      const optional = weight === 0;
      const direction = issues.number(line, 'direction', v.direction, { optional });
      if (direction !== null && direction !== 1 && direction !== -1)
        issues.add(line, 'direction', `must be 1 or -1 (got ${v.direction})`);
      const min = issues.number(line, 'min', v.min, { optional });
      const max = issues.number(line, 'max', v.max, { optional });
      if (min !== null && max !== null && !(min < max))
        issues.add(line, 'max', `must be greater than min (${min})`);
      return { id: id!, direction, weight: weight!, min, max, basis: v.benchmark_basis || null };
    });
    issues.fail();
    const count = emptyCount();
    for (const p of parsed) {
      const changed = await db
        .update(indicators)
        .set({
          direction: p.direction,
          weight: p.weight,
          benchmarkMin: p.min,
          benchmarkMax: p.max,
          benchmarkBasis: p.basis,
        })
        .where(
          sql`${indicators.id} = ${p.id} and (${indicators.direction}, ${indicators.weight}, ${indicators.benchmarkMin}, ${indicators.benchmarkMax}, ${indicators.benchmarkBasis}) is distinct from (${p.direction}::int, ${p.weight}::float8, ${p.min}::float8, ${p.max}::float8, ${p.basis}::text)`,
        )
        .returning({ id: indicators.id });
      if (changed.length > 0) count.updated += 1;
      else count.unchanged += 1;
    }
    return count;
  },
};
