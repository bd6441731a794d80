import { readFileSync } from 'node:fs';
import { CsvSyntaxError, parseCsvRecords } from '#server/csv/records.js';
import type { FileProblem } from '#api/file-problem.js';
import { ImportFailed } from './issues.js';

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
  let parsed;
  try {
    parsed = parseCsvRecords(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      throw new ImportFailed([
        { file: label, line: e.line, column: '', message: `not valid CSV: ${e.message}` },
      ]);
    }
    throw e;
  }
  const { header } = parsed;
  const issues: FileProblem[] = [];
  const rows: CsvRow[] = parsed.rows.map(({ line, fields: record }) => {
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
