import { toCells } from './column.js';
import type { AggregateNode } from './methodology/types.js';
import type { Prepared, PreparedBlock } from './prepare.js';
import { rank } from './rank.js';
import { flatWeights, scoreArrays, type BlockScores } from './score-arrays.js';
import { tier } from './tier.js';
import type { BlockResult, IndexResult, MissingReason, NodeResult, WeightOverrides } from './types.js';

/**
 * Aggregation, ranks and tiers from a prepared methodology: the cheap part that a weight change touches.
 * `weights` overrides node weights by code (relative to siblings). The aggregation itself is scoreArrays();
 * this adds the NodeResults, nominal and effective weights, ranks and tiers. Never mutates `prepared`.
 */
export function reweight(prepared: Prepared, weights: WeightOverrides = {}): IndexResult {
  const m = prepared.methodology;
  const scored = scoreArrays(prepared, { weights });
  const blocks: Record<string, BlockResult> = {};
  prepared.blocks.forEach(
    (pb, i) => (blocks[pb.block.code] = resultBlock(prepared, pb, scored[i]!, weights)),
  );
  return {
    methodology: { id: m.id, version: m.version, hash: prepared.hash },
    edition: prepared.edition,
    blocks,
  };
}

function resultBlock(
  prepared: Prepared,
  pb: PreparedBlock,
  scored: BlockScores,
  overrides: WeightOverrides,
): BlockResult {
  const { nodes, root } = pb.tree;
  const { values } = scored;
  const weight = flatWeights(pb.tree, overrides);
  const share = new Float64Array(nodes.length);
  const effective = new Float64Array(nodes.length);
  share[root] = 1;
  effective[root] = 1;
  // Post-order puts every parent after its children, so walking backwards reaches parents first.
  for (let at = nodes.length - 1; at >= 0; at--) {
    const kids = nodes[at]!.children;
    const total = kids.reduce((s, c) => s + weight[c]!, 0);
    for (const c of kids) {
      share[c] = total > 0 ? weight[c]! / total : 0;
      effective[c] = effective[at]! * share[c]!;
    }
  }
  const out: Record<string, NodeResult> = {};
  for (let at = 0; at < nodes.length; at++) {
    const node = nodes[at]!.node;
    const base =
      node.type === 'indicator'
        ? pb.indicators.get(at)!
        : aggregateResult(
            pb,
            at,
            node,
            values[at]!,
            nodes[at]!.children.map((c) => values[c]!),
          );
    out[node.code] = { ...base, weight: share[at]!, effectiveWeight: effective[at]! };
  }
  const rootResult = out[nodes[root]!.node.code]!;
  const tiers = prepared.methodology.tiers ? tier(rootResult.values, prepared.methodology.tiers) : null;
  const scale = prepared.methodology.scale ?? null;
  return {
    block: pb.block.code,
    units: pb.units,
    screened: pb.screened,
    root: nodes[root]!.node.code,
    scale,
    nodes: out,
    tiers: tiers ? tiers.tiers : pb.units.map(() => null),
    tierCutoffs: tiers ? tiers.cutoffs : [],
    treatment: pb.treatment,
  };
}

function aggregateResult(
  pb: PreparedBlock,
  at: number,
  node: AggregateNode,
  v: Float64Array,
  children: Float64Array[],
): NodeResult {
  const flat = pb.tree.nodes[at]!;
  const coverage = node.coverage ?? 0;
  const reasons = Array.from(v, (value, i): MissingReason | null => {
    if (value === value) return null;
    if (pb.unitReasons[i]) return pb.unitReasons[i]!;
    let available = 0;
    for (const c of children) if (c[i] === c[i]) available++;
    return available === 0 || available / children.length < coverage ? 'coverage' : 'undefined';
  });
  return {
    code: node.code,
    name: node.name,
    type: node.type,
    parent: flat.parent >= 0 ? pb.tree.nodes[flat.parent]!.node.code : null,
    children: flat.children.map((c) => pb.tree.nodes[c]!.node.code),
    weight: 0,
    effectiveWeight: 0,
    values: toCells(v),
    reasons,
    ranks: toCells(rank(v)),
    aggregator: node.aggregator,
    p: node.p,
    coverage: node.coverage,
  };
}
