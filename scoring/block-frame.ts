// What a block's preparation needs that its values cannot change: rows, tree, unit suppression, each indicator's
// column frame (n, suppression, denominator) and the imputation groups.

import { flatten, type FlatTree } from './flatten.js';
import { columnFrame, type ColumnFrame } from './indicator-column.js';
import type { Block, IndicatorNode, Methodology } from './methodology/types.js';
import type { DataTable, MissingReason } from './types.js';

export interface BlockFrame {
  block: Block;
  /** Table rows of the block's units, in table order. */
  rows: number[];
  units: string[];
  tree: FlatTree;
  /**
   * Indicator nodes in tree order (tree.indicators[k] is leaves[k]'s flat position), except in a frame built
   * with `present` (another edition's table, for pooled benchmarks): there only the indicators the table has.
   */
  leaves: IndicatorNode[];
  /** 'unit-suppressed' for units below the methodology's minRespondents, else null. */
  unitSuppressed: (MissingReason | null)[];
  columns: ColumnFrame[];
  /** Imputation groups per unit, when the methodology imputes by group. */
  groups: (string | undefined)[] | undefined;
}

/** blockFrames(m, table) gives one frame per methodology block. */
export function blockFrames(m: Methodology, table: DataTable): BlockFrame[] {
  return m.blocks.map((block) => blockFrame(m, block, table));
}

/**
 * blockFrame(m, block, table, present?) — with `present`, indicators without a column in `table` are left out
 * (an earlier edition that did not have them) instead of being an error.
 */
export function blockFrame(m: Methodology, block: Block, table: DataTable, present = false): BlockFrame {
  const rows: number[] = [];
  table.units.forEach((u, i) => u.block === block.code && rows.push(i));
  const tree = flatten(m.tree, block.components);
  const min = m.minRespondents ?? 0;
  const unitSuppressed = rows.map((r): MissingReason | null => {
    const n = table.units[r]!.respondents;
    return min > 0 && n !== undefined && n < min ? 'unit-suppressed' : null;
  });
  let leaves = tree.indicators.map((at) => tree.nodes[at]!.node as IndicatorNode);
  if (present) leaves = leaves.filter((ind) => table.values[ind.code] !== undefined);
  const key = m.imputation?.group;
  return {
    block,
    rows,
    units: rows.map((r) => table.units[r]!.code),
    tree,
    leaves,
    unitSuppressed,
    columns: leaves.map((ind) => columnFrame(m, ind, table, rows)),
    groups: key ? rows.map((r) => table.units[r]!.groups?.[key]) : undefined,
  };
}
