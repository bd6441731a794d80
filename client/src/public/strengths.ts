/** A unit's standing on one component of its block. */
export interface ComponentStanding {
  code: string;
  rank: number | null;
  /** Units ranked on this component in the block. */
  ranked: number;
}

export interface StrengthsResult {
  strengths: string[];
  weaknesses: string[];
  /** Percentile rank (0–100) by component code: the share of the other ranked units it is at least level with. */
  percentiles: Record<string, number>;
  /** Why nothing is signalled, when nothing is. */
  withheld: 'few-units' | 'low-coverage' | null;
}

/**
 * Strengths and weaknesses, after the Global Innovation Index's rule adapted to small blocks:
 * percentile rank p = 100·(N − rank)/(N − 1) within the block; the ⌈m/4⌉ components with the highest p
 * are strengths and the ⌈m/4⌉ lowest are weaknesses (m = components with a value); a component ranked
 * 1–3 is always a strength, and never a weakness. Nothing is signalled in a block of fewer than 5 ranked
 * units or when the unit has values for fewer than half of the components (GII: below minimum coverage).
 */
export function strengthsAndWeaknesses(standings: readonly ComponentStanding[]): StrengthsResult {
  const present = standings.filter((s) => s.rank !== null && s.ranked > 1);
  const percentiles: Record<string, number> = {};
  for (const s of present) percentiles[s.code] = (100 * (s.ranked - s.rank!)) / (s.ranked - 1);
  const withheld =
    Math.max(0, ...standings.map((s) => s.ranked)) < 5
      ? 'few-units'
      : present.length * 2 < standings.length
        ? 'low-coverage'
        : null;
  if (withheld) return { strengths: [], weaknesses: [], percentiles, withheld };
  const k = Math.max(1, Math.ceil(present.length / 4));
  const order = [...present].sort(
    (a, b) => percentiles[b.code]! - percentiles[a.code]! || a.code.localeCompare(b.code),
  );
  const strengths = new Set(order.slice(0, k).map((s) => s.code));
  for (const s of present) if (s.rank! <= 3) strengths.add(s.code);
  const weaknesses = order
    .slice(-k)
    .reverse()
    .map((s) => s.code)
    .filter((c) => !strengths.has(c));
  return {
    strengths: order.filter((s) => strengths.has(s.code)).map((s) => s.code),
    weaknesses,
    percentiles,
    withheld: null,
  };
}
