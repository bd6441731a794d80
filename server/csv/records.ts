// The one CSV reader behind every import path (data importer, paper intake, score command): csv-parse
// with the line of every record and of every syntax error, so each caller can report file:line.

import { CsvError, parse } from 'csv-parse/sync';

/** Bounds on one CSV, whoever reads it: a hostile file is refused by line, not parsed without end. */
export const CSV_LIMITS = { maxColumns: 500, maxCellLength: 10_000, maxRecordChars: 1_000_000 };

/**
 * The field separator, from the header line: Excel with a Vietnamese (or most European) locale
 * writes "CSV" with semicolons; a tab-separated export is recognised too.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const head = text.slice(0, 65_536).replace(/^\uFEFF/, '');
  const line = (head.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => line.split(c).length - 1;
  const [comma, semicolon, tab] = [count(','), count(';'), count('\t')];
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

export interface CsvRecords {
  /** Header cells, trimmed. */
  header: string[];
  headerLine: number;
  /** Data records with the 1-based line they end on (a quoted cell may span lines). */
  rows: Array<{ line: number; fields: string[] }>;
}

/** A CSV syntax problem at a line and 1-based column (1 when csv-parse gives none). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * parseCsvRecords(text) — the first record is the header; blank lines are skipped; a BOM is dropped.
 * With `strictColumns`, a record with another number of fields than the header is a syntax error;
 * without it, callers check the count themselves and report it in their own words.
 */
export function parseCsvRecords(
  text: string,
  opts: { strictColumns?: boolean; delimiter?: ',' | ';' | '\t' } = {},
): CsvRecords {
  checkText(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: opts.delimiter ?? detectDelimiter(text),
      max_record_size: CSV_LIMITS.maxRecordChars,
      info: true,
      skip_empty_lines: true,
      relax_column_count: !opts.strictColumns,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const at = e as CsvError & { lines?: number; column?: number | string };
      const column = typeof at.column === 'number' ? at.column + 1 : 1;
      throw new CsvSyntaxError(at.lines ?? 1, column, e.message.replace(/ at line \d+| on line \d+/, ''));
    }
    throw e;
  }
  checkCells(records);
  const [head, ...body] = records;
  if (!head) throw new CsvSyntaxError(1, 1, 'file is empty; expected a header row');
  return {
    header: head.record.map((h) => h.trim()),
    headerLine: head.info.lines,
    rows: body.map((r) => ({ line: r.info.lines, fields: r.record })),
  };
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * NUL and unpaired surrogates, found in the text itself: csv-parse works on UTF-8 bytes, so it would
 * silently turn a lone surrogate into U+FFFD (a garbled answer) rather than report it.
 */
function checkText(text: string): void {
  const m = UNSTORABLE.exec(text);
  if (!m) return;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const column = m.index - before.lastIndexOf('\n');
  const what = m[0] === '\u0000' ? 'a NUL character (U+0000)' : 'a broken character (half a UTF-16 pair)';
  throw new CsvSyntaxError(line, column, `the file contains ${what} at character ${column} of the line`);
}

/** Column count and cell length, in one linear pass. */
function checkCells(records: Array<{ record: string[]; info: { lines: number } }>): void {
  for (const { record, info } of records) {
    if (record.length > CSV_LIMITS.maxColumns)
      throw new CsvSyntaxError(
        info.lines,
        1,
        `too many columns (${record.length}); at most ${CSV_LIMITS.maxColumns}`,
      );
    for (let i = 0; i < record.length; i++) {
      if (record[i]!.length > CSV_LIMITS.maxCellLength)
        throw new CsvSyntaxError(
          info.lines,
          i + 1,
          `a cell is too long (${record[i]!.length} characters; at most ${CSV_LIMITS.maxCellLength})`,
        );
    }
  }
}
