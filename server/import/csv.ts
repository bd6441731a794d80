import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ImportFailed, type ImportIssue } from './issues.js';

export interface CsvRow {
  /** 1-based line number in the file where the record starts. */
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/** Reads a UTF-8 CSV with a header row, keeping each record's line number for error reports. */
export function readCsv(file: string, label = file): CsvFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ImportFailed([
      { file: label, line: 0, column: '', message: `cannot read file (${(e as Error).message})` },
    ]);
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new ImportFailed([
      { file: label, line: err.lines ?? 0, column: '', message: `not valid CSV: ${err.message}` },
    ]);
  }
  const [head, ...body] = records;
  if (!head)
    throw new ImportFailed([
      { file: label, line: 1, column: '', message: 'file is empty; expected a header row' },
    ]);
  const header = head.record.map((h) => h.trim());
  const issues: ImportIssue[] = [];
  const rows: CsvRow[] = body.map(({ record, info }) => {
    // csv-parse reports the line where a record ends; records here never span lines in practice,
    // and for quoted multi-line cells the end line is still the right place to look.
    const line = info.lines;
    if (record.length !== header.length) {
      issues.push({
        file: label,
        line,
        column: '',
        message: `expected ${header.length} fields, found ${record.length}`,
      });
    }
    const values: Record<string, string> = Object.create(null);
    header.forEach((h, i) => (values[h] = (record[i] ?? '').trim()));
    return { line, values };
  });
  if (issues.length > 0) throw new ImportFailed(issues);
  return { file: label, header, rows };
}
