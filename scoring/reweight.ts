import { aggregate } from './aggregate/aggregate.js';
import { toCells } from './column.js';
import type { AggregateNode, CompositeScale } from './methodology/types.js';
import type { Prepared, PreparedBlock } from './prepare.js';
import { rank } from './rank.js';
import { tier } from './tier.js';
import type { BlockResult, IndexResult, MissingReason, NodeResult, WeightOverrides } from './types.js';

/**
 * Aggregation, ranks and tiers from a prepared methodology: the cheap part that a weight change touches.
 * `weights` overrides node weights by code (relative to siblings). Never mutates `prepared`.
 */
export function reweight(prepared: Prepared, weights: WeightOverrides = {}): IndexResult {
  const m = prepared.methodology;
  const blocks: Record<string, BlockResult> = {};
  for (const pb of prepared.blocks) blocks[pb.block.code] = reweightBlock(prepared, pb, weights);
  return {
    methodology: { id: m.id, version: m.version, hash: prepared.hash },
    edition: prepared.edition,
    blocks,
  };
}

function reweightBlock(prepared: Prepared, pb: PreparedBlock, overrides: WeightOverrides): BlockResult {
  const { nodes, root } = pb.tree;
  const scale = prepared.methodology.scale ?? null;
  const weight = nodes.map(({ node }) => {
    const w = overrides[node.code];
    return w !== undefined ? w : node.weight;
  });
  const values: Float64Array[] = new Array(nodes.length);
  const results: NodeResult[] = new Array(nodes.length);
  for (let at = 0; at < nodes.length; at++) {
    const flat = nodes[at]!;
    if (flat.node.type === 'indicator') {
      values[at] = pb.scores[at]!;
      continue;
    }
    const node = flat.node;
    const children = flat.children.map((c) => values[c]!);
    let v = aggregate(
      children,
      flat.children.map((c) => weight[c]!),
      node.aggregator,
      { p: node.p, coverage: node.coverage },
    );
    if (at === root && scale) v = rescale(v, scale);
    values[at] = v;
    results[at] = aggregateResult(pb, at, node, v, children);
  }
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
    const base = nodes[at]!.node.type === 'indicator' ? pb.indicators.get(at)! : results[at]!;
    out[nodes[at]!.node.code] = { ...base, weight: share[at]!, effectiveWeight: effective[at]! };
  }
  const rootResult = out[nodes[root]!.node.code]!;
  const tiers = prepared.methodology.tiers ? tier(rootResult.values, prepared.methodology.tiers) : null;
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

function rescale(v: Float64Array, { from, to }: CompositeScale): Float64Array {
  const k = (to[1] - to[0]) / (from[1] - from[0]);
  return v.map((x) => to[0] + (x - from[0]) * k);
}
