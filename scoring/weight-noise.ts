// Which weights get noise in an uncertainty run, and how much: COINr's get_noisy_weights (w × U(1 − p, 1 + p))
// per level or per node. Levels are node types: 'indicator', 'group', 'subindex' (the root's weight is unused).

import type { AggregateNode, MethodologyNode } from './methodology/types.js';

export const NOISE_LEVELS = ['indicator', 'group', 'subindex'] as const;
export type NoiseLevel = (typeof NOISE_LEVELS)[number];

export interface WeightNoise {
  /** Default relative noise for the nodes selected by `levels` and `nodes` (default: every non-root node). */
  p?: number;
  /** Only nodes of these levels get the default noise. */
  levels?: NoiseLevel[];
  /** Only these nodes (codes) get the default noise. */
  nodes?: string[];
  /** Noise per level, for every node of that level (overrides p). */
  byLevel?: Partial<Record<NoiseLevel, number>>;
  /** Noise per node code (overrides byLevel and p). */
  byNode?: Record<string, number>;
}

/** [code, nominal weight, p] of every node that gets noise, in tree order (so draws are reproducible). */
export function noisyNodes(tree: AggregateNode, noise: WeightNoise): [string, number, number][] {
  const inRange = (p: unknown, what: string): void => {
    if (!(typeof p === 'number' && p >= 0 && p <= 1)) throw new RangeError(`${what} is not in [0, 1]`);
  };
  if (noise.p !== undefined) inRange(noise.p, 'weights.p');
  for (const [l, p] of Object.entries(noise.byLevel ?? {})) {
    if (!(NOISE_LEVELS as readonly string[]).includes(l))
      throw new RangeError(`weights.byLevel has unknown level ${l} (${NOISE_LEVELS.join(', ')})`);
    inRange(p, `weights.byLevel.${l}`);
  }
  for (const l of noise.levels ?? [])
    if (!(NOISE_LEVELS as readonly string[]).includes(l))
      throw new RangeError(`weights.levels has unknown level ${l} (${NOISE_LEVELS.join(', ')})`);
  for (const [code, p] of Object.entries(noise.byNode ?? {})) inRange(p, `weights.byNode.${code}`);
  const only = noise.nodes ? new Set(noise.nodes) : null;
  const levels = noise.levels ? new Set<string>(noise.levels) : null;
  const seen = new Set<string>();
  const out: [string, number, number][] = [];
  const walk = (node: MethodologyNode, root: boolean): void => {
    if (!root) {
      seen.add(node.code);
      const level = node.type as NoiseLevel;
      const selected = (only === null || only.has(node.code)) && (levels === null || levels.has(level));
      const p = Object.hasOwn(noise.byNode ?? {}, node.code)
        ? noise.byNode![node.code]
        : Object.hasOwn(noise.byLevel ?? {}, level)
          ? noise.byLevel![level]
          : selected
            ? noise.p
            : undefined;
      if (p !== undefined) out.push([node.code, node.weight, p]);
    }
    if (node.type !== 'indicator') for (const c of node.children) walk(c, false);
  };
  walk(tree, true);
  for (const code of [...(noise.nodes ?? []), ...Object.keys(noise.byNode ?? {})])
    if (!seen.has(code)) throw new RangeError(`weights has unknown node ${code}`);
  return out;
}
