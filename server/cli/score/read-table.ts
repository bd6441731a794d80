// Unit × indicator CSV → the engine's DataTable, in either layout:
//   wide: one row per unit (and edition), a column per indicator code (or denominator series), optional n_<code>
//         columns with respondents; other text columns become unit groups (for group imputation);
//   long: columns unit, indicator, value (optional n), one row per cell.
// Reserved columns (case-insensitive): unit (uCode, unit, code), block, name (uName, name), edition (edition,
// Time, year). With several editions, --edition picks the scored one; the others are history for pooled
// benchmarks.

import type { Methodology, MethodologyNode } from '#scoring/methodology/types.js';
import type { Cell, DataTable, UnitRow } from '#scoring/types.js';
import { column, numberCell, type Csv, type CsvRow } from './csv.js';
import { InputError, UsageError } from './errors.js';

export interface TableRead {
  table: DataTable;
  /** Other editions in the file, for pooled benchmarks. */
  history: DataTable[];
}

const UNIT = ['uCode', 'unit', 'code', 'unitCode'];
const BLOCK = ['block'];
const NAME = ['uName', 'name', 'unitName'];
const EDITION = ['edition', 'Time', 'year'];

interface Entry {
  unit: UnitRow;
  values: Map<string, Cell>;
  n: Map<string, Cell>;
}
/** edition (null when the file has no edition column) → unit code → its row. */
type Editions = Map<number | null, Map<string, Entry>>;

/** Where things are in the file, and what the methodology needs from it. */
interface Layout {
  csv: Csv;
  needed: Set<string>;
  blocks: Set<string>;
  col: { unit: number; block: number; name: number; edition: number };
  /** Long layout: the indicator and value columns (−1 when wide). */
  long: number;
  value: number;
  reserved: Set<number>;
}

/** readTable(csv, methodology, edition?) checks every cell and returns the scored edition and the others. */
export function readTable(csv: Csv, m: Methodology, edition?: number): TableRead {
  const layout = layoutOf(csv, m);
  const editions: Editions = new Map();
  if (layout.long >= 0) readLong(layout, editions);
  else readWide(layout, editions);
  if (editions.size === 0) throw new InputError(csv.file, 2, 1, 'no data rows');
  const years = [...editions.keys()];
  const chosen = chooseEdition(csv.file, years, edition);
  const table = toTable(editions, layout.needed, chosen);
  if (chosen === null && edition !== undefined) table.edition = edition;
  return {
    table,
    history: years.filter((y) => y !== chosen).map((y) => toTable(editions, layout.needed, y)),
  };
}

function layoutOf(csv: Csv, m: Methodology): Layout {
  const col = {
    unit: column(csv, UNIT),
    block: column(csv, BLOCK),
    name: column(csv, NAME),
    edition: column(csv, EDITION),
  };
  if (col.unit < 0) throw new InputError(csv.file, 1, 1, `no unit column (one of ${UNIT.join(', ')})`);
  const blocks = new Set(m.blocks.map((b) => b.code));
  if (col.block < 0 && blocks.size !== 1) {
    throw new InputError(csv.file, 1, 1, `no block column, and the methodology has ${blocks.size} blocks`);
  }
  const indicator = column(csv, ['indicator', 'iCode', 'variable']);
  const value = column(csv, ['value']);
  const isLong = indicator >= 0 && value >= 0;
  const reserved = new Set([
    col.unit,
    col.block,
    col.name,
    col.edition,
    ...(isLong ? [indicator, value, column(csv, ['n'])] : []),
  ]);
  return {
    csv,
    needed: columnsNeeded(m),
    blocks,
    col,
    long: isLong ? indicator : -1,
    value: isLong ? value : -1,
    reserved,
  };
}

/** The row's unit entry in its edition, created on first sight; a wide file may not repeat a unit. */
function entryOf(l: Layout, editions: Editions, row: CsvRow): Entry {
  const { csv, col, blocks } = l;
  const text = (j: number): string => (j < 0 ? '' : (row.fields[j] ?? '').trim());
  const code = text(col.unit);
  if (code === '') throw new InputError(csv.file, row.line, col.unit + 1, 'empty unit code');
  const ed = col.edition < 0 ? null : numberCell(csv, row, col.edition, 'edition');
  if (ed !== null && !Number.isInteger(ed))
    throw new InputError(csv.file, row.line, col.edition + 1, 'edition is not a year');
  const block = col.block < 0 ? [...blocks][0]! : text(col.block);
  if (!blocks.has(block)) {
    throw new InputError(
      csv.file,
      row.line,
      col.block + 1,
      `block ${JSON.stringify(block)} is not one of the methodology's: ${[...blocks].join(', ')}`,
    );
  }
  let units = editions.get(ed);
  if (!units) editions.set(ed, (units = new Map()));
  const entry = units.get(code);
  if (!entry) {
    const unit: UnitRow = { code, block };
    const name = text(col.name);
    if (name !== '') unit.name = { vi: name, en: name };
    const created = { unit, values: new Map(), n: new Map() };
    units.set(code, created);
    return created;
  }
  if (l.long < 0) {
    const where = ed === null ? '' : ` in edition ${ed}`;
    throw new InputError(csv.file, row.line, col.unit + 1, `unit ${code} appears twice${where}`);
  }
  if (entry.unit.block !== block) {
    const message = `unit ${code} is in block ${entry.unit.block} on an earlier line`;
    throw new InputError(csv.file, row.line, col.block + 1, message);
  }
  return entry;
}

/** Long layout: one row per unit and indicator (optional n column). */
function readLong(l: Layout, editions: Editions): void {
  const { csv, needed } = l;
  const nCol = column(csv, ['n']);
  for (const row of csv.rows) {
    const entry = entryOf(l, editions, row);
    const code = (row.fields[l.long] ?? '').trim();
    if (!needed.has(code)) {
      const message = `${JSON.stringify(code)} is not an indicator or series of the methodology`;
      throw new InputError(csv.file, row.line, l.long + 1, message);
    }
    if (entry.values.has(code)) {
      const message = `${code} for unit ${entry.unit.code} appears twice`;
      throw new InputError(csv.file, row.line, l.long + 1, message);
    }
    entry.values.set(code, numberCell(csv, row, l.value, code));
    if (nCol >= 0) entry.n.set(code, numberCell(csv, row, nCol, `n of ${code}`));
  }
}

/** Wide layout: a column per indicator, optional n_<code> columns; other text columns are unit groups. */
function readWide(l: Layout, editions: Editions): void {
  const { csv, needed, reserved } = l;
  const isN = (h: string): boolean => h.startsWith('n_') && needed.has(h.slice(2));
  const valueColumns = csv.header.flatMap((h, j) =>
    !reserved.has(j) && needed.has(h) ? [[h, j] as const] : [],
  );
  const nColumns = csv.header.flatMap((h, j) => (isN(h) ? [[h.slice(2), j] as const] : []));
  const groupColumns = csv.header.flatMap((h, j) =>
    !reserved.has(j) && !needed.has(h) && !isN(h) ? [[h, j] as const] : [],
  );
  const present = new Set(valueColumns.map(([h]) => h));
  for (const code of needed)
    if (!present.has(code)) throw new InputError(csv.file, 1, 1, `no column for ${code}`);
  for (const row of csv.rows) {
    const entry = entryOf(l, editions, row);
    for (const [code, j] of valueColumns) entry.values.set(code, numberCell(csv, row, j, code));
    for (const [code, j] of nColumns) entry.n.set(code, numberCell(csv, row, j, `n of ${code}`));
    if (groupColumns.length > 0) {
      entry.unit.groups = Object.fromEntries(groupColumns.map(([h, j]) => [h, (row.fields[j] ?? '').trim()]));
    }
  }
}

/** The scored edition: --edition when the file has editions, else the file's only one. */
function chooseEdition(
  file: string,
  years: Array<number | null>,
  edition: number | undefined,
): number | null {
  if (edition !== undefined && years.some((y) => y !== null)) {
    if (!years.includes(edition))
      throw new UsageError(`--edition ${edition} is not in ${file} (editions: ${years.join(', ')})`);
    return edition;
  }
  if (years.length > 1)
    throw new UsageError(`${file} holds editions ${years.join(', ')}: choose one with --edition`);
  return years[0]!;
}

function toTable(editions: Editions, needed: Set<string>, ed: number | null): DataTable {
  const units = [...editions.get(ed)!.values()];
  const values: Record<string, Cell[]> = {};
  const n: Record<string, Cell[]> = {};
  for (const code of needed) {
    values[code] = units.map((u) => u.values.get(code) ?? null);
    if (units.some((u) => u.n.has(code))) n[code] = units.map((u) => u.n.get(code) ?? null);
  }
  const edition = ed ?? undefined;
  return { ...(edition !== undefined ? { edition } : {}), units: units.map((u) => u.unit), values, n };
}

// Indicator codes (their table columns) and denominator series the methodology reads.
function columnsNeeded(m: Methodology): Set<string> {
  const out = new Set<string>();
  const walk = (node: MethodologyNode): void => {
    if (node.type === 'indicator') {
      out.add(node.code);
      if (node.denominator) out.add(node.denominator);
    } else node.children.forEach(walk);
  };
  walk(m.tree);
  return out;
}
