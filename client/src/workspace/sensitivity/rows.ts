import type { Localized } from '#api/text.js';
import type { MonteCarloResult } from './monte-carlo.js';

/** One unit in the sensitivity view. */
export interface RobustRow {
  code: string;
  name: Localized | null;
  nominal: number | null;
  /** The 5 % and 95 % rank over the Monte Carlo runs. */
  lower: number | null;
  upper: number | null;
  median: number | null;
  /** Mean |rank − nominal rank| over the runs. */
  meanAbsShift: number | null;
  /** Best and worst rank when any one sub-index is removed (nominal included). */
  without: [number, number] | null;
}

const cell = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** The Monte Carlo result as table rows per block, best nominal rank first (unranked last). */
export function robustRows(
  result: MonteCarloResult,
  names: ReadonlyMap<string, Localized | null>,
): Record<string, RobustRow[]> {
  const out: Record<string, RobustRow[]> = {};
  for (const [block, s] of Object.entries(result.blocks)) {
    const removals = Object.values(result.removal[block] ?? {});
    out[block] = s.units
      .map((code, u) => {
        const nominal = cell(s.nominal[u]);
        const others = removals.map((r) => cell(r.ranks[u])).filter((r): r is number => r !== null);
        return {
          code,
          name: names.get(`${block}/${code}`) ?? null,
          nominal,
          lower: cell(s.lower[u]),
          upper: cell(s.upper[u]),
          median: cell(s.median[u]),
          meanAbsShift: cell(s.meanAbsShift[u]),
          without:
            nominal !== null && others.length
              ? ([Math.min(nominal, ...others), Math.max(nominal, ...others)] as [number, number])
              : null,
        };
      })
      .sort((a, b) => (a.nominal ?? Infinity) - (b.nominal ?? Infinity) || a.code.localeCompare(b.code));
  }
  return out;
}
