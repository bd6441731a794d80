// The one CSV reader behind every import path (data importer, paper intake, score command): csv-parse
// with the line of every record and of every syntax error, so each caller can report file:line.

import { CsvError, parse } from 'csv-parse/sync';

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
export function parseCsvRecords(text: string, opts: { strictColumns?: boolean } = {}): CsvRecords {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
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
  const [head, ...body] = records;
  if (!head) throw new CsvSyntaxError(1, 1, 'file is empty; expected a header row');
  return {
    header: head.record.map((h) => h.trim()),
    headerLine: head.info.lines,
    rows: body.map((r) => ({ line: r.info.lines, fields: r.record })),
  };
}
