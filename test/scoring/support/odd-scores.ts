import type { PreparedScores } from '#scoring/prepare-scores.js';

/** ASEM's prepared scores with ±Infinity and a NaN gap written into two indicators (rows that are not finite). */
export function oddScores(prepared: PreparedScores): PreparedScores {
  const scores = prepared.blocks[0]!.scores.map((row) => row && Float64Array.from(row));
  const at = (code: string) => prepared.blocks[0]!.tree.byCode.get(code)!;
  scores[at('LPI')]![3] = Infinity;
  scores[at('LPI')]![7] = -Infinity;
  scores[at('Flights')]![7] = Infinity;
  scores[at('Flights')]![9] = NaN;
  return { ...prepared, blocks: [{ ...prepared.blocks[0]!, scores }] };
}
