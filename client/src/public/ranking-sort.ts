import type { RankingRow } from '#api/releases.js';

/** What-if values that replace the official rank and composite while re-weighting. */
export type Override = Map<string, { rank: number | null; composite: number | null; shift: number | null }>;

function key(row: RankingRow, sort: string, over?: Override): number | string | null {
  const o = over?.get(row.unit.code);
  if (sort === 'rank') return o ? o.rank : row.rank;
  if (sort === 'composite') return o ? o.composite : row.composite;
  if (sort === 'unit') return row.unit.name.vi;
  if (sort === 'change') return o ? o.shift : (row.change?.rank ?? null);
  if (sort === 'n') return row.n;
  return row.scores[sort] ?? null;
}

/**
 * Rows sorted by a column. Missing values always go last, whichever the direction; ties keep rank
 * order, so a re-sort never shuffles equal rows.
 */
export function sortRows(
  rows: readonly RankingRow[],
  sort: string,
  dir: 'asc' | 'desc',
  locale = 'vi',
  over?: Override,
): RankingRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const base = (r: RankingRow) => over?.get(r.unit.code)?.rank ?? r.rank ?? Infinity;
  return [...rows].sort((a, b) => {
    const ka = key(a, sort, over);
    const kb = key(b, sort, over);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      const c = typeof ka === 'string' ? ka.localeCompare(kb as string, locale) : ka - (kb as number);
      if (c !== 0) return sign * c;
    }
    return base(a) - base(b);
  });
}

/** The direction a column starts in when first clicked: scores high-to-low, rank and names ascending. */
export const defaultDir = (sort: string): 'asc' | 'desc' =>
  sort === 'rank' || sort === 'unit' ? 'asc' : 'desc';
