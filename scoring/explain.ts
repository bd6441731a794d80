import type { Localized } from '#api/text.js';
import type { Aggregator, CompositeScale, Direction, Normaliser } from './methodology/types.js';
import type { BenchmarkUsed, BlockResult, Cell, IndexResult, MissingReason, NodeResult } from './types.js';

export interface IndicatorInputs {
  raw: Cell;
  n: Cell;
  /** Value after imputation and treatment: what the normaliser saw. */
  treated: Cell;
  imputed: boolean;
  /** 'winhi' | 'winlo' | 'log_CT' when outlier treatment touched this value. */
  treatment: string | null;
  direction: Direction;
  normaliser: Normaliser;
  benchmark: BenchmarkUsed | null;
}

export interface Explanation {
  unit: string;
  block: string;
  code: string;
  name: Localized;
  type: NodeResult['type'];
  value: Cell;
  reason: MissingReason | null;
  rank: Cell;
  /** Nominal share among siblings, and the share this unit actually got (0 when missing; re-normalised). */
  weight: number;
  weightUsed: number;
  /** Nominal effective weight, and the product of weightUsed along the path to the root for this unit. */
  effectiveWeight: number;
  effectiveWeightUsed: number;
  /** arithmetic parents: weightUsed × value, the points this node adds to its parent. */
  contribution: Cell;
  indicator?: IndicatorInputs;
  aggregator?: Aggregator;
  p?: number;
  coverage?: number;
  /** Root only: the linear map applied after aggregation. */
  scale?: CompositeScale | null;
  children?: Explanation[];
  /** Ancestors from the parent up to the root, with their values and weights for this unit. */
  path: { code: string; name: Localized; value: Cell; weightUsed: number }[];
}

/**
 * The chain behind one number, as data: for an indicator its raw value with n, treatment, benchmark and
 * normalised score; for an aggregate every child with the weight actually used for this unit (missing children
 * dropped and weights re-normalised), recursively down to the inputs; and the path up to the composite.
 */
export function explain(result: IndexResult, unit: string, nodeCode: string): Explanation {
  const block = Object.values(result.blocks).find((b) => b.units.includes(unit));
  if (!block) throw new RangeError(`unknown unit ${unit}`);
  if (!block.nodes[nodeCode]) throw new RangeError(`node ${nodeCode} is not scored in block ${block.block}`);
  const i = block.units.indexOf(unit);
  const used = (code: string): number => {
    const node = block.nodes[code]!;
    if (node.parent === null) return 1;
    if (node.values[i] === null) return 0;
    const siblings = block.nodes[node.parent]!.children.map((c) => block.nodes[c]!);
    const total = siblings.reduce((s, n) => s + (n.values[i] === null ? 0 : n.weight), 0);
    return total > 0 ? node.weight / total : 0;
  };
  const path: Explanation['path'] = [];
  let effectiveUsed = used(nodeCode);
  for (let up = block.nodes[nodeCode]!.parent; up !== null; up = block.nodes[up]!.parent) {
    const n = block.nodes[up]!;
    path.push({ code: n.code, name: n.name, value: n.values[i] ?? null, weightUsed: used(up) });
    effectiveUsed *= used(up);
  }
  return { ...describe(block, i, nodeCode, used, effectiveUsed), path };
}

function describe(
  block: BlockResult,
  i: number,
  code: string,
  used: (code: string) => number,
  effectiveWeightUsed: number,
): Omit<Explanation, 'path'> {
  const node = block.nodes[code]!;
  const value = node.values[i] ?? null;
  const weightUsed = used(code);
  const parent = node.parent === null ? null : block.nodes[node.parent]!;
  const out: Omit<Explanation, 'path'> = {
    unit: block.units[i]!,
    block: block.block,
    code,
    name: node.name,
    type: node.type,
    value,
    reason: node.reasons[i] ?? null,
    rank: node.ranks[i] ?? null,
    weight: node.weight,
    weightUsed,
    effectiveWeight: node.effectiveWeight,
    effectiveWeightUsed,
    contribution: parent?.aggregator === 'arithmetic' && value !== null ? weightUsed * value : null,
  };
  if (node.type === 'indicator') {
    out.indicator = {
      raw: node.raw?.[i] ?? null,
      n: node.n?.[i] ?? null,
      treated: node.treated?.[i] ?? null,
      imputed: node.imputed?.[i] ?? false,
      treatment: block.treatment.find((t) => t.code === code)?.points[i] ?? null,
      direction: node.direction!,
      normaliser: node.normaliser!,
      benchmark: node.benchmark ?? null,
    };
    return out;
  }
  out.aggregator = node.aggregator;
  if (node.p !== undefined) out.p = node.p;
  if (node.coverage !== undefined) out.coverage = node.coverage;
  if (node.parent === null) out.scale = block.scale;
  out.children = node.children.map((c) => {
    const child = describe(block, i, c, used, effectiveWeightUsed * used(c));
    return { ...child, path: [] };
  });
  return out;
}
