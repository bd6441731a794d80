// CSV text → header and rows with their line numbers (csv-parse reports the line of every record and of every
// syntax error, which the score command turns into file:line:column messages).

import { CsvSyntaxError, parseCsvRecords } from '#server/csv/records.js';
import { InputError } from './errors.js';

export interface CsvRow {
  /** 1-based line of the record (its last line if a quoted field spans lines). */
  line: number;
  fields: string[];
}

export interface Csv {
  file: string;
  header: string[];
  rows: CsvRow[];
}

const MAX_CHARS = 200_000_000;

/** parseCsv(text, file) — the first record is the header; blank lines are skipped; a BOM is dropped. */
export function parseCsv(text: string, file: string): Csv {
  if (text.length > MAX_CHARS)
    throw new InputError(file, 1, 1, `file is larger than ${MAX_CHARS} characters`);
  let parsed;
  try {
    parsed = parseCsvRecords(text, { strictColumns: true });
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InputError(file, e.line, e.column, e.message);
    throw e;
  }
  const { header, headerLine } = parsed;
  const seen = new Map<string, number>();
  header.forEach((h, j) => {
    if (h === '') throw new InputError(file, headerLine, j + 1, 'empty column name');
    const before = seen.get(h.toLowerCase());
    if (before !== undefined) {
      throw new InputError(file, headerLine, j + 1, `column "${h}" repeats column ${before + 1}`);
    }
    seen.set(h.toLowerCase(), j);
  });
  return { file, header, rows: parsed.rows };
}

/** column(csv, names) — index of the first header matching one of names (case-insensitive), or −1. */
export function column(csv: Csv, names: readonly string[]): number {
  const lower = names.map((n) => n.toLowerCase());
  return csv.header.findIndex((h) => lower.includes(h.toLowerCase()));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', '.']);

/** numberCell(csv, row, j, what) — a decimal number, null for an empty or NA cell, else an InputError there. */
export function numberCell(csv: Csv, row: CsvRow, j: number, what: string): number | null {
  const s = (row.fields[j] ?? '').trim();
  if (MISSING.has(s)) return null;
  const x = NUMBER.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(x))
    throw new InputError(csv.file, row.line, j + 1, `${JSON.stringify(s)} is not a number (${what})`);
  return x;
}
