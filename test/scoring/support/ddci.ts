import { readFileSync } from 'node:fs';
import { checkMethodology } from '#scoring/methodology/check.js';
import type { IndicatorNode, Methodology, MethodologyNode } from '#scoring/methodology/types.js';
import type { DataTable } from '#scoring/types.js';

export const ddciDemo = (): Methodology =>
  checkMethodology(
    JSON.parse(
      readFileSync(new URL('../../../scoring/methodologies/ddci-demo.json', import.meta.url), 'utf8'),
    ),
  );

export function leaves(node: MethodologyNode): IndicatorNode[] {
  return node.type === 'indicator' ? [node] : node.children.flatMap(leaves);
}

/**
 * The demo tree with benchmarks pooled over 2023–2025, as Quảng Ninh scores its DDCI: the shipped demo
 * uses fixed goalposts (for a realistic spread on synthetic data), but the engine's pooling is tested
 * on a realistic tree.
 */
export function ddciPooled(): Methodology {
  const m = ddciDemo();
  for (const ind of leaves(m.tree)) ind.benchmark = { kind: 'pooled', editions: [2023, 2024, 2025] };
  return checkMethodology(m);
}

/**
 * A deterministic synthetic edition: 6 departments and 5 localities; values follow a fixed pattern so every
 * indicator varies across units; n = 30 except where a test overrides it.
 */
export function ddciTable(m: Methodology, edition: number, shift = 0): DataTable {
  const units = [
    ...['tax', 'customs', 'planning', 'finance', 'health', 'police'].map((code) => ({
      code,
      block: 'departments',
      respondents: 40,
    })),
    ...['halong', 'camPha', 'uongBi', 'mongCai', 'vanDon'].map((code) => ({
      code,
      block: 'localities',
      respondents: 40,
    })),
  ];
  const values: Record<string, (number | null)[]> = {};
  const n: Record<string, (number | null)[]> = {};
  leaves(m.tree).forEach((ind, k) => {
    values[ind.code] = units.map((_, i) => 0.2 + (((i * 7 + k * 3 + shift) % 11) / 11) * 0.7);
    n[ind.code] = units.map(() => 30);
  });
  return { edition, units, values, n };
}
