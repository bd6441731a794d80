import type { IndicatorCell, ReleaseIndicator } from '#api/release-indicators.js';
import type { Methodology, MethodologyNode } from '#scoring/methodology/types.js';
import type { BlockResult, NodeResult } from '#scoring/types.js';

function sourcesOf(node: MethodologyNode, out = new Map<string, MethodologyNode>()) {
  out.set(node.code, node);
  if (node.type !== 'indicator') for (const c of node.children) sourcesOf(c, out);
  return out;
}

/** Indicator nodes of a block in tree order, each with the composite's child it counts toward. */
function indicatorNodes(block: BlockResult): { node: NodeResult; component: string }[] {
  const out: { node: NodeResult; component: string }[] = [];
  const visit = (code: string, component: string) => {
    const node = block.nodes[code]!;
    if (node.type === 'indicator') out.push({ node, component });
    else for (const c of node.children) visit(c, component);
  };
  for (const c of block.nodes[block.root]!.children) visit(c, c);
  return out;
}

/**
 * The indicator level of a computed block: each indicator's place in the tree and how it was
 * scored, and per unit (block order) its raw value, normalised score, rank and n, so a public
 * profile can explain a composite down to the survey answers behind it.
 */
export function blockIndicators(
  m: Methodology,
  block: BlockResult,
): { indicators: ReleaseIndicator[]; values: (i: number) => Record<string, IndicatorCell> } {
  const defs = sourcesOf(m.tree);
  const nodes = indicatorNodes(block);
  const indicators = nodes.map(({ node, component }): ReleaseIndicator => {
    const def = defs.get(node.code);
    const source = def?.type === 'indicator' ? def.source : null;
    return {
      code: node.code,
      name: { vi: node.name.vi, en: node.name.en },
      component,
      parent: node.parent ?? block.root,
      weight: node.weight,
      effectiveWeight: node.effectiveWeight,
      direction: node.direction === -1 ? -1 : 1,
      normaliser: node.normaliser?.method ?? 'none',
      benchmark: node.benchmark ? { min: node.benchmark.min, max: node.benchmark.max } : null,
      statistic: source?.kind === 'survey' ? source.statistic : null,
      item: source?.kind === 'survey' ? source.item : null,
    };
  });
  const values = (i: number) =>
    Object.fromEntries(
      nodes.map(({ node }): [string, IndicatorCell] => {
        const score = node.values[i] ?? null;
        return [
          node.code,
          {
            raw: node.raw?.[i] ?? null,
            score,
            rank: node.ranks[i] ?? null,
            n: node.n?.[i] ?? null,
            reason: score === null ? (node.reasons[i] ?? 'missing') : null,
          },
        ];
      }),
    );
  return { indicators, values };
}
