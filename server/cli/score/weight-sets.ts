// Weight-set files for uncertainty runs (--weight-sets FILE). Two layouts:
//   wide: one row per set, a column per node code (optional `set` column naming the set);
//   long: columns set, node (or code, iCode), weight — one row per set and node; every set must list the same nodes.
// Weights are relative to siblings, finite and ≥ 0; nodes not listed keep the methodology's weight. Every problem is
// reported as file:line:column.

import type { Methodology, MethodologyNode } from '#scoring/methodology/types.js';
import type { WeightOverrides } from '#scoring/types.js';
import { column, numberCell, type Csv, type CsvRow } from './csv.js';
import { InputError } from './errors.js';

/** readWeightSets(csv, m) — the sets in file order. */
export function readWeightSets(csv: Csv, m: Methodology): WeightOverrides[] {
  const nodes = nodeCodes(m);
  if (csv.rows.length === 0)
    throw new InputError(csv.file, 2, 1, 'no weight sets (the file has a header only)');
  const setCol = column(csv, ['set', 'name', 'weightSet']);
  const nodeCol = column(csv, ['node', 'code', 'iCode']);
  const weightCol = column(csv, ['weight']);
  return nodeCol >= 0 && weightCol >= 0
    ? readLong(csv, nodes, setCol, nodeCol, weightCol)
    : readWide(csv, nodes, setCol);
}

function readWide(csv: Csv, nodes: Set<string>, setCol: number): WeightOverrides[] {
  const cols: [string, number][] = [];
  csv.header.forEach((h, j) => {
    if (j === setCol) return;
    if (!nodes.has(h))
      throw new InputError(csv.file, 1, j + 1, `${JSON.stringify(h)} is not a node of the methodology`);
    cols.push([h, j]);
  });
  if (cols.length === 0) throw new InputError(csv.file, 1, 1, 'no node columns');
  return csv.rows.map((row) => {
    const set: WeightOverrides = {};
    for (const [code, j] of cols) set[code] = weight(csv, row, j, code);
    return set;
  });
}

function readLong(
  csv: Csv,
  nodes: Set<string>,
  setCol: number,
  nodeCol: number,
  weightCol: number,
): WeightOverrides[] {
  const sets = new Map<string, { line: number; weights: WeightOverrides }>();
  for (const row of csv.rows) {
    const name = setCol < 0 ? '1' : (row.fields[setCol] ?? '').trim();
    if (name === '') throw new InputError(csv.file, row.line, setCol + 1, 'empty set name');
    const code = (row.fields[nodeCol] ?? '').trim();
    if (!nodes.has(code))
      throw new InputError(
        csv.file,
        row.line,
        nodeCol + 1,
        `${JSON.stringify(code)} is not a node of the methodology`,
      );
    let entry = sets.get(name);
    if (!entry) sets.set(name, (entry = { line: row.line, weights: Object.create(null) as WeightOverrides }));
    if (Object.hasOwn(entry.weights, code))
      throw new InputError(csv.file, row.line, nodeCol + 1, `set ${name} lists ${code} twice`);
    entry.weights[code] = weight(csv, row, weightCol, code);
  }
  const all = [...sets.values()];
  const codes = new Set(all.flatMap((s) => Object.keys(s.weights)));
  for (const [name, s] of sets) {
    for (const code of codes) {
      if (Object.hasOwn(s.weights, code)) continue;
      const other = all.find((o) => Object.hasOwn(o.weights, code))!;
      throw new InputError(
        csv.file,
        s.line,
        1,
        `set ${name} has no row for ${code} (the set on line ${other.line} has one)`,
      );
    }
  }
  return all.map((s) => ({ ...s.weights }));
}

function weight(csv: Csv, row: CsvRow, j: number, code: string): number {
  const x = numberCell(csv, row, j, `weight of ${code}`);
  if (x === null) throw new InputError(csv.file, row.line, j + 1, `missing weight for ${code}`);
  if (x < 0) throw new InputError(csv.file, row.line, j + 1, `weight ${x} of ${code} is negative`);
  return x;
}

function nodeCodes(m: Methodology): Set<string> {
  const out = new Set<string>();
  const walk = (node: MethodologyNode): void => {
    if (node !== m.tree) out.add(node.code);
    if (node.type !== 'indicator') node.children.forEach(walk);
  };
  walk(m.tree);
  return out;
}
