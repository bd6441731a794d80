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

/** methodologyFromMeta(csv, id, blocks) builds the methodology; every problem names its file:line:column. */
export function methodologyFromMeta(csv: Csv, id: string, blocks: readonly string[]): Methodology {
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
  const text = (row: CsvRow, j: number): string => (j < 0 ? '' : (row.fields[j] ?? '').trim());
  const rows: MetaRow[] = [];
  const byCode = new Map<string, MetaRow>();
  for (const row of csv.rows) {
    const code = text(row, col.code);
    if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code)) {
      throw new InputError(
        csv.file,
        row.line,
        col.code + 1,
        `${JSON.stringify(code)} is not a code (a letter, then letters, digits, _ . -)`,
      );
    }
    const level = col.level < 0 ? null : numberCell(csv, row, col.level, 'Level');
    let type = text(row, col.type);
    if (type === '') type = level === 1 ? 'Indicator' : 'Aggregate';
    const known = TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
    if (!known)
      throw new InputError(
        csv.file,
        row.line,
        col.type + 1,
        `type ${JSON.stringify(type)} is not one of ${TYPES.join(', ')}`,
      );
    if (known !== 'Indicator' && known !== 'Aggregate') continue;
    if (byCode.has(code)) {
      throw new InputError(
        csv.file,
        row.line,
        col.code + 1,
        `code ${code} repeats line ${byCode.get(code)!.row.line}`,
      );
    }
    const weight = col.weight < 0 ? 1 : (numberCell(csv, row, col.weight, 'Weight') ?? 1);
    if (weight < 0) throw new InputError(csv.file, row.line, col.weight + 1, 'weight is negative');
    const direction = col.direction < 0 ? 1 : (numberCell(csv, row, col.direction, 'Direction') ?? 1);
    if (direction !== 1 && direction !== -1) {
      throw new InputError(csv.file, row.line, col.direction + 1, 'direction is not 1 or -1');
    }
    const meta: MetaRow = {
      row,
      code,
      parent: text(row, col.parent),
      kind: known,
      name: text(row, col.name) || code,
      weight,
      direction,
    };
    rows.push(meta);
    byCode.set(code, meta);
  }
  const roots = rows.filter((r) => r.parent === '' || r.parent === 'NA');
  for (const r of roots) {
    if (r.kind === 'Indicator')
      throw new InputError(csv.file, r.row.line, col.parent + 1, `indicator ${r.code} has no parent`);
  }
  if (roots.length !== 1) {
    const line = roots[1]?.row.line ?? csv.rows[0]?.line ?? 2;
    throw new InputError(
      csv.file,
      line,
      col.parent + 1,
      `expected one aggregate without a parent (the index), found ${roots.length}`,
    );
  }
  const children = new Map<string, MetaRow[]>();
  for (const r of rows) {
    if (r === roots[0]) continue;
    const parent = byCode.get(r.parent);
    if (!parent || parent.kind !== 'Aggregate') {
      throw new InputError(
        csv.file,
        r.row.line,
        col.parent + 1,
        `parent ${JSON.stringify(r.parent)} is not an aggregate code`,
      );
    }
    children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  const build = (r: MetaRow, depth: number): MethodologyNode => {
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
      children: kids.map((k) => build(k, depth + 1)),
    };
    return node;
  };
  const tree = build(roots[0]!, 0) as AggregateNode;
  // Rows not reached from the index sit on a cycle of parents.
  const reached = new Set<string>();
  const mark = (n: MethodologyNode): void => {
    reached.add(n.code);
    if (n.type !== 'indicator') n.children.forEach(mark);
  };
  mark(tree);
  const lost = rows.find((r) => !reached.has(r.code));
  if (lost)
    throw new InputError(
      csv.file,
      lost.row.line,
      col.parent + 1,
      `${lost.code} is not under the index (a cycle of parents)`,
    );
  return {
    id,
    version: '1',
    name: { vi: id, en: id },
    blocks: blocks.map((code) => ({ code, name: { vi: code, en: code } })),
    tree,
  };
}
