import ExcelJS from 'exceljs';
import { CSV_LIMITS, CsvSyntaxError, parseCsvRecords } from '#server/csv/records.js';
import { decodeText, EncodingError } from '#server/files/decode-text.js';
import { checkZipBounds, ZipBoundsError } from '#server/files/zip-bounds.js';
import { textProblem } from '#server/http/text-guard.js';

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

/**
 * A CSV with a header row, in UTF-8 (BOM allowed), UTF-16 or Windows-1258, separated by commas,
 * semicolons or tabs; blank lines are skipped.
 */
export function readCsvBuffer(buffer: Buffer): Sheet {
  let parsed;
  try {
    parsed = parseCsvRecords(decodeText(buffer).text);
  } catch (e) {
    if (e instanceof EncodingError) throw new SheetError(0, e.message);
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

/** The same bounds and storable-text rule as a CSV cell (server/csv/records.ts). */
function checkXlsxCell(text: string, row: number, column: string): void {
  if (text.length > CSV_LIMITS.maxCellLength)
    throw new SheetError(
      row,
      `the cell in column ${column} is too long (${text.length} characters; at most ${CSV_LIMITS.maxCellLength})`,
    );
  const problem = textProblem(text);
  if (problem === 'nul_character')
    throw new SheetError(row, `the cell in column ${column} contains a NUL character (U+0000)`);
  if (problem)
    throw new SheetError(
      row,
      `the cell in column ${column} contains a broken character (half a UTF-16 pair)`,
    );
}

/** The first worksheet of an XLSX workbook (bounded, see zip-bounds.ts); row 1 is the header. */
export async function readXlsxBuffer(buffer: Buffer): Promise<Sheet> {
  try {
    checkZipBounds(buffer);
  } catch (e) {
    if (e instanceof ZipBoundsError) throw new SheetError(0, e.message);
    throw e;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new SheetError(0, `not a valid XLSX workbook: ${(e as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new SheetError(1, 'the workbook is empty; expected a header row');
  tooMany(sheet.rowCount - 1);
  if (sheet.columnCount > CSV_LIMITS.maxColumns)
    throw new SheetError(1, `too many columns (${sheet.columnCount}); at most ${CSV_LIMITS.maxColumns}`);
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
      checkXlsxCell(text, r, h);
      cells.set(h, text);
      if (formula) formulas.push(h);
    });
    if ([...cells.values()].every((v) => v === '') && formulas.length === 0) continue;
    rows.push({ line: r, cells, formulas });
  }
  return { header: header.map((h) => (h ?? '').trim()), headerLine: 1, rows };
}
