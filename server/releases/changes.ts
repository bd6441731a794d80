import type { LineageStep, ReleaseBlock, ReleaseDocument, ReleaseUnit } from '#api/releases.js';

/** Codes a unit descends from, nearest first (walks merges, splits and renames backwards). */
export function predecessors(code: string, lineage: readonly LineageStep[]): string[] {
  const out: string[] = [];
  const queue = [code];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const step of lineage) {
      if (step.to?.code !== current || seen.has(step.from.code)) continue;
      seen.add(step.from.code);
      out.push(step.from.code);
      queue.push(step.from.code);
    }
  }
  return out;
}

function findIn(previous: ReleaseBlock[], codes: string[]): ReleaseUnit | undefined {
  for (const code of codes) {
    for (const block of previous) {
      const u = block.units.find((x) => x.code === code && x.composite.value !== null);
      if (u) return u;
    }
  }
  return undefined;
}

/**
 * Fills each unit's change against `previous` (the family's previous edition): the same unit code,
 * else its nearest lineage predecessor with a score. Positive rank change means the unit moved up.
 */
export function withChanges(
  blocks: ReleaseBlock[],
  lineage: readonly LineageStep[],
  previous: ReleaseDocument | undefined,
): ReleaseBlock[] {
  if (!previous) return blocks;
  return blocks.map((block) => ({
    ...block,
    units: block.units.map((u) => {
      const before = findIn(previous.blocks, [u.code, ...predecessors(u.code, lineage)]);
      if (!before) return u;
      const rank =
        u.composite.rank === null || before.composite.rank === null
          ? null
          : before.composite.rank - u.composite.rank;
      const score =
        u.composite.value === null || before.composite.value === null
          ? null
          : u.composite.value - before.composite.value;
      return { ...u, change: { release: previous.id, unit: before.code, rank, score } };
    }),
  }));
}
