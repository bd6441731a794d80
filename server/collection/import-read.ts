import ExcelJS from 'exceljs';
import { CsvSyntaxError, parseCsvRecords } from '#server/csv/records.js';

export interface SheetRow {
  /** 1-based line (CSV) or row number (XLSX) for error reports. */
  line: number;
  cells: Map<string, string>;
  /** Columns holding a spreadsheet formula, which an import never evaluates. */
  formulas: string[];
}

export interface Sheet {
  header: string[];
  headerLine: number;
  rows: SheetRow[];
}

export class SheetError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_IMPORT_ROWS = 20_000;

function tooMany(n: number): void {
  if (n > MAX_IMPORT_ROWS)
    throw new SheetError(0, `too many rows (${n}); at most ${MAX_IMPORT_ROWS} per file`);
}

/** A UTF-8 CSV (BOM allowed) with a header row; blank lines are skipped. */
export function readCsvBuffer(buffer: Buffer): Sheet {
  let parsed;
  try {
    parsed = parseCsvRecords(buffer.toString('utf8'));
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new SheetError(e.line, `not valid CSV: ${e.message}`);
    throw e;
  }
  const { header, headerLine } = parsed;
  tooMany(parsed.rows.length);
  const rows = parsed.rows.map(({ line, fields }) => {
    const cells = new Map<string, string>();
    header.forEach((h, i) => cells.set(h, (fields[i] ?? '').trim()));
    return { line, cells, formulas: [] };
  });
  return { header, headerLine, rows };
}

function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return { text: String(value).trim(), formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))
    return { text: '', formula: true };
  if (typeof value === 'object' && 'richText' in value)
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
      formula: false,
    };
  if (typeof value === 'object' && 'text' in value)
    return { text: String(value.text).trim(), formula: false };
  return { text: String(value as unknown).trim(), formula: false };
}

/** The first worksheet of an XLSX workbook; row 1 is the header. */
export async function readXlsxBuffer(buffer: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new SheetError(0, `not a valid XLSX workbook: ${(e as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new SheetError(1, 'the workbook is empty; expected a header row');
  tooMany(sheet.rowCount - 1);
  const header: string[] = [];
  sheet
    .getRow(1)
    .eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell.value).text));
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = new Map<string, string>();
    const formulas: string[] = [];
    header.forEach((h, i) => {
      const { text, formula } = cellText(row.getCell(i + 1).value);
      cells.set(h, text);
      if (formula) formulas.push(h);
    });
    if ([...cells.values()].every((v) => v === '') && formulas.length === 0) continue;
    rows.push({ line: r, cells, formulas });
  }
  return { header: header.map((h) => (h ?? '').trim()), headerLine: 1, rows };
}
