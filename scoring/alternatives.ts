// A methodology with one analysis choice swapped, for uncertainty and sensitivity runs: every indicator's
// normaliser, and the imputation method (keeping the methodology's group key). The input is never mutated; with
// nothing to swap it is returned as is (so its cached hash and pooled-benchmark cache are reused).

import type {
  AggregateNode,
  ImputationMethod,
  Methodology,
  MethodologyNode,
  Normaliser,
} from './methodology/types.js';

/** alternativeMethodology(m, normaliser?, imputation?) */
export function alternativeMethodology(
  m: Methodology,
  normaliser?: Normaliser,
  imputation?: ImputationMethod,
): Methodology {
  if (!normaliser && !imputation) return m;
  let out: Methodology = m;
  if (normaliser) {
    const swap = (node: MethodologyNode): MethodologyNode =>
      node.type === 'indicator' ? { ...node, normaliser } : { ...node, children: node.children.map(swap) };
    out = { ...out, tree: swap(m.tree) as AggregateNode };
  }
  if (imputation) {
    out = {
      ...out,
      imputation: m.imputation?.group
        ? { method: imputation, group: m.imputation.group }
        : { method: imputation },
    };
  }
  return out;
}
