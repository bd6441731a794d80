import type { AggregateNode, MethodologyNode } from '#scoring/methodology/types.js';
import type { WeightOverrides } from '#scoring/types.js';

/**
 * Nominal effective weight of every node: the product, along the path from the node to the root, of
 * weight / Σ sibling weights (the root has 1). Overrides replace weights by node code. Siblings whose weights sum
 * to 0 all get 0. Per-unit weights after re-normalisation over missing children are reported by explain().
 */
export function effectiveWeights(
  tree: AggregateNode,
  overrides: WeightOverrides = {},
): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  out[tree.code] = 1;
  const visit = (node: AggregateNode, above: number) => {
    const ws = node.children.map((c) => weightOf(c, overrides));
    const total = ws.reduce((a, b) => a + b, 0);
    node.children.forEach((child, k) => {
      const share = total > 0 ? ws[k]! / total : 0;
      out[child.code] = above * share;
      if (child.type !== 'indicator') visit(child, above * share);
    });
  };
  visit(tree, 1);
  return out;
}

function weightOf(node: MethodologyNode, overrides: WeightOverrides): number {
  const o = overrides[node.code];
  return o !== undefined ? o : node.weight;
}
