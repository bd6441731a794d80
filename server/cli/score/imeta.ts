// COINr-style iMeta CSV → methodology. Columns (case-insensitive): iCode (or code), Parent, Level, Direction,
// Weight, Type (Indicator | Aggregate | Group | Denominator | Other), iName (or name). Indicator and Aggregate rows
// form the tree; the aggregate without a parent is the index, its children sub-indices, deeper aggregates groups.
// Defaults, as COINr's minimal pipeline: min–max to [0, 100], arithmetic means, weight 1, direction +1.
// Indicators read the data column named by their code. iMeta's Denominator column is ignored, as in COINr, where
// it takes effect only when Denominate() is called; a methodology JSON can set `denominator` per indicator.

import type {
  AggregateNode,
  IndicatorNode,
  Methodology,
  MethodologyNode,
} from '#scoring/methodology/types.js';
import { column, numberCell, type Csv, type CsvRow } from './csv.js';
import { InputError } from './errors.js';

interface MetaRow {
  row: CsvRow;
  code: string;
  parent: string;
  kind: 'Indicator' | 'Aggregate';
  name: string;
  weight: number;
  direction: 1 | -1;
}

const TYPES = ['Indicator', 'Aggregate', 'Group', 'Denominator', 'Other'];

type Columns = Record<'code' | 'parent' | 'level' | 'direction' | 'weight' | 'type' | 'name', number>;

const text = (row: CsvRow, j: number): string => (j < 0 ? '' : (row.fields[j] ?? '').trim());

/** methodologyFromMeta(csv, id, blocks) builds the methodology; every problem names its file:line:column. */
export function methodologyFromMeta(csv: Csv, id: string, blocks: readonly string[]): Methodology {
  const col = columnsOf(csv);
  const { rows, byCode } = readRows(csv, col);
  const root = rootOf(csv, col, rows);
  const children = childrenOf(csv, col, rows, root, byCode);
  const tree = buildNode(csv, col, children, root, 0) as AggregateNode;
  checkReached(csv, col, rows, tree);
  return {
    id,
    version: '1',
    name: { vi: id, en: id },
    blocks: blocks.map((code) => ({ code, name: { vi: code, en: code } })),
    tree,
  };
}

function columnsOf(csv: Csv): Columns {
  const col = {
    code: column(csv, ['iCode', 'code']),
    parent: column(csv, ['Parent']),
    level: column(csv, ['Level']),
    direction: column(csv, ['Direction']),
    weight: column(csv, ['Weight']),
    type: column(csv, ['Type']),
    name: column(csv, ['iName', 'name']),
  };
  if (col.code < 0) throw new InputError(csv.file, 1, 1, 'no iCode (or code) column');
  if (col.parent < 0) throw new InputError(csv.file, 1, 1, 'no Parent column');
  return col;
}

/** One iMeta row, checked; undefined for rows outside the tree (Group, Denominator, Other). */
function metaRow(csv: Csv, col: Columns, row: CsvRow): MetaRow | undefined {
  const fail = (j: number, message: string): never => {
    throw new InputError(csv.file, row.line, j + 1, message);
  };
  const code = text(row, col.code);
  if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code))
    fail(col.code, `${JSON.stringify(code)} is not a code (a letter, then letters, digits, _ . -)`);
  const level = col.level < 0 ? null : numberCell(csv, row, col.level, 'Level');
  let type = text(row, col.type);
  if (type === '') type = level === 1 ? 'Indicator' : 'Aggregate';
  const known = TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  if (!known) return fail(col.type, `type ${JSON.stringify(type)} is not one of ${TYPES.join(', ')}`);
  if (known !== 'Indicator' && known !== 'Aggregate') return undefined;
  const weight = col.weight < 0 ? 1 : (numberCell(csv, row, col.weight, 'Weight') ?? 1);
  if (weight < 0) fail(col.weight, 'weight is negative');
  const direction = col.direction < 0 ? 1 : (numberCell(csv, row, col.direction, 'Direction') ?? 1);
  if (direction !== 1 && direction !== -1) return fail(col.direction, 'direction is not 1 or -1');
  return {
    row,
    code,
    parent: text(row, col.parent),
    kind: known,
    name: text(row, col.name) || code,
    weight,
    direction,
  };
}

/** The tree's rows in file order; a repeated code is reported on the line that repeats it. */
function readRows(csv: Csv, col: Columns): { rows: MetaRow[]; byCode: Map<string, MetaRow> } {
  const rows: MetaRow[] = [];
  const byCode = new Map<string, MetaRow>();
  for (const row of csv.rows) {
    const r = metaRow(csv, col, row);
    if (!r) continue;
    const first = byCode.get(r.code);
    if (first)
      throw new InputError(csv.file, row.line, col.code + 1, `code ${r.code} repeats line ${first.row.line}`);
    rows.push(r);
    byCode.set(r.code, r);
  }
  return { rows, byCode };
}

/** The one aggregate without a parent: the index. */
function rootOf(csv: Csv, col: Columns, rows: MetaRow[]): MetaRow {
  const roots = rows.filter((r) => r.parent === '' || r.parent === 'NA');
  for (const r of roots) {
    if (r.kind === 'Indicator')
      throw new InputError(csv.file, r.row.line, col.parent + 1, `indicator ${r.code} has no parent`);
  }
  if (roots.length !== 1) {
    const line = roots[1]?.row.line ?? csv.rows[0]?.line ?? 2;
    const message = `expected one aggregate without a parent (the index), found ${roots.length}`;
    throw new InputError(csv.file, line, col.parent + 1, message);
  }
  return roots[0]!;
}

function childrenOf(
  csv: Csv,
  col: Columns,
  rows: MetaRow[],
  root: MetaRow,
  byCode: Map<string, MetaRow>,
): Map<string, MetaRow[]> {
  const children = new Map<string, MetaRow[]>();
  for (const r of rows) {
    if (r === root) continue;
    const parent = byCode.get(r.parent);
    if (!parent || parent.kind !== 'Aggregate') {
      const message = `parent ${JSON.stringify(r.parent)} is not an aggregate code`;
      throw new InputError(csv.file, r.row.line, col.parent + 1, message);
    }
    children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  return children;
}

function buildNode(
  csv: Csv,
  col: Columns,
  children: Map<string, MetaRow[]>,
  r: MetaRow,
  depth: number,
): MethodologyNode {
  const name = { vi: r.name, en: r.name };
  if (r.kind === 'Indicator') {
    const node: IndicatorNode = {
      type: 'indicator',
      code: r.code,
      name,
      weight: r.weight,
      source: { kind: 'hard', series: r.code },
      direction: r.direction,
      normaliser: { method: 'minmax', lower: 0, upper: 100 },
    };
    return node;
  }
  const kids = children.get(r.code) ?? [];
  if (kids.length === 0)
    throw new InputError(csv.file, r.row.line, col.code + 1, `aggregate ${r.code} has no children`);
  const node: AggregateNode = {
    type: depth === 0 ? 'index' : depth === 1 ? 'subindex' : 'group',
    code: r.code,
    name,
    weight: r.weight,
    aggregator: 'arithmetic',
    children: kids.map((k) => buildNode(csv, col, children, k, depth + 1)),
  };
  return node;
}

/** Rows not reached from the index sit on a cycle of parents. */
function checkReached(csv: Csv, col: Columns, rows: MetaRow[], tree: AggregateNode): void {
  const reached = new Set<string>();
  const mark = (n: MethodologyNode): void => {
    reached.add(n.code);
    if (n.type !== 'indicator') n.children.forEach(mark);
  };
  mark(tree);
  const lost = rows.find((r) => !reached.has(r.code));
  if (lost) {
    const message = `${lost.code} is not under the index (a cycle of parents)`;
    throw new InputError(csv.file, lost.row.line, col.parent + 1, message);
  }
}
