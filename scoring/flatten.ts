import type { AggregateNode, MethodologyNode } from './methodology/types.js';

export interface FlatNode {
  node: MethodologyNode;
  /** Index of the parent in FlatTree.nodes, −1 for the root. */
  parent: number;
  children: number[];
}

/** The tree in post-order (children before parents; the root last), restricted to a block's components. */
export interface FlatTree {
  nodes: FlatNode[];
  root: number;
  /** Positions of indicator nodes in `nodes`, in tree order. */
  indicators: number[];
  byCode: Map<string, number>;
}

export function flatten(tree: AggregateNode, components?: readonly string[]): FlatTree {
  const nodes: FlatNode[] = [];
  const indicators: number[] = [];
  const byCode = new Map<string, number>();
  const allowed = components ? new Set(components) : null;
  const visit = (node: MethodologyNode, depth: number): number => {
    const children: number[] = [];
    if (node.type !== 'indicator') {
      for (const child of node.children) {
        if (depth === 0 && allowed && !allowed.has(child.code)) continue;
        children.push(visit(child, depth + 1));
      }
    }
    const at = nodes.length;
    nodes.push({ node, parent: -1, children });
    for (const c of children) nodes[c]!.parent = at;
    byCode.set(node.code, at);
    if (node.type === 'indicator') indicators.push(at);
    return at;
  };
  const root = visit(tree, 0);
  return { nodes, root, indicators, byCode };
}
