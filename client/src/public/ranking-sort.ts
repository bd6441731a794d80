import type { RankingRow } from '#server/api-types.js';

function key(row: RankingRow, sort: string): number | string | null {
  if (sort === 'rank') return row.rank;
  if (sort === 'composite') return row.composite;
  if (sort === 'unit') return row.unit.name.vi;
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
): RankingRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a, sort);
    const kb = key(b, sort);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      const c = typeof ka === 'string' ? ka.localeCompare(kb as string, locale) : ka - (kb as number);
      if (c !== 0) return sign * c;
    }
    return (a.rank ?? Infinity) - (b.rank ?? Infinity);
  });
}

/** The direction a column starts in when first clicked: scores high-to-low, rank and names ascending. */
export const defaultDir = (sort: string): 'asc' | 'desc' =>
  sort === 'rank' || sort === 'unit' ? 'asc' : 'desc';
