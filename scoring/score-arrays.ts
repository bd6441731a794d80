// The aggregation kernel: aggregate() bottom-up with weights re-normalised over available children, coverage, and
// the root's scale map, returning Float64Array columns per flat node. reweight() builds its NodeResults, ranks
// and tiers on it; the bootstrap and the Monte Carlo use it directly, the latter also with another aggregator.

import { aggregate } from './aggregate/aggregate.js';
import type { FlatTree } from './flatten.js';
import type { Aggregator } from './methodology/types.js';
import type { PreparedScores } from './prepare-scores.js';
import type { WeightOverrides } from './types.js';

export interface BlockScores {
  block: string;
  units: string[];
  tree: FlatTree;
  /** By flat-node position (post-order, root last): indicator scores and aggregate values, NaN = missing. */
  values: Float64Array[];
}

export interface ScoreOverrides {
  /** Node weights by code (relative to siblings), as reweight(). */
  weights?: WeightOverrides;
  /** One aggregator for every aggregate node, replacing the methodology's. */
  aggregator?: { aggregator: Aggregator; p?: number };
}

/** scoreArrays(prepared, overrides?) aggregates every block of prepare() or prepareScores() output. */
export function scoreArrays(prepared: PreparedScores, overrides: ScoreOverrides = {}): BlockScores[] {
  const scale = prepared.methodology.scale ?? null;
  return prepared.blocks.map((pb) => {
    const { nodes, root } = pb.tree;
    const weight = flatWeights(pb.tree, overrides.weights);
    const values: Float64Array[] = new Array(nodes.length);
    for (let at = 0; at < nodes.length; at++) {
      const flat = nodes[at]!;
      if (flat.node.type === 'indicator') {
        values[at] = pb.scores[at]!;
        continue;
      }
      const node = flat.node;
      const how = overrides.aggregator ?? node;
      let v = aggregate(
        flat.children.map((c) => values[c]!),
        flat.children.map((c) => weight[c]!),
        how.aggregator,
        { p: how.p, coverage: node.coverage },
      );
      if (at === root && scale) {
        const k = (scale.to[1] - scale.to[0]) / (scale.from[1] - scale.from[0]);
        v = v.map((x) => scale.to[0] + (x - scale.from[0]) * k);
      }
      values[at] = v;
    }
    return { block: pb.block.code, units: pb.units, tree: pb.tree, values };
  });
}

/** Each flat node's weight: the override for its code when one is given (own keys only), else its own. */
export function flatWeights(tree: FlatTree, overrides: WeightOverrides = {}): Float64Array {
  const out = new Float64Array(tree.nodes.length);
  for (let at = 0; at < out.length; at++) {
    const { code, weight } = tree.nodes[at]!.node;
    const w = Object.hasOwn(overrides, code) ? overrides[code] : undefined;
    out[at] = w !== undefined ? w : weight;
  }
  return out;
}
