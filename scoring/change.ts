import type { BlockResult, Cell } from './types.js';

export interface UnitChange {
  unit: string;
  score: Cell;
  previousScore: Cell;
  /** score − previousScore; null when either is missing. */
  scoreChange: Cell;
  rank: Cell;
  previousRank: Cell;
  /** previousRank − rank: positive means the unit moved up. */
  rankChange: Cell;
}

/**
 * Score and rank change of every unit of `current` against `previous` (matched by unit code), for one node
 * (default: the root). Units new this edition have null previous values. Comparisons are only meaningful when
 * both editions share the scale and benchmark policy; the caller decides.
 */
export function change(current: BlockResult, previous: BlockResult, node = current.root): UnitChange[] {
  const now = current.nodes[node];
  if (!now) throw new RangeError(`unknown node ${node}`);
  const before = previous.nodes[node];
  const position = new Map(previous.units.map((u, i) => [u, i]));
  return current.units.map((unit, i) => {
    const j = position.get(unit);
    const score = now.values[i] ?? null;
    const rank = now.ranks[i] ?? null;
    const previousScore = j === undefined || !before ? null : (before.values[j] ?? null);
    const previousRank = j === undefined || !before ? null : (before.ranks[j] ?? null);
    return {
      unit,
      score,
      previousScore,
      scoreChange: score === null || previousScore === null ? null : score - previousScore,
      rank,
      previousRank,
      rankChange: rank === null || previousRank === null ? null : previousRank - rank,
    };
  });
}
