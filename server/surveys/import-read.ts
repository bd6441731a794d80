import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

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
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(buffer.toString('utf8'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new SheetError(err.lines ?? 0, `not valid CSV: ${err.message}`);
  }
  const [head, ...body] = records;
  if (!head) throw new SheetError(1, 'the file is empty; expected a header row');
  tooMany(body.length);
  const header = head.record.map((h) => h.trim());
  const rows = body.map(({ record, info }) => {
    const cells = new Map<string, string>();
    header.forEach((h, i) => cells.set(h, (record[i] ?? '').trim()));
    return { line: info.lines, cells, formulas: [] };
  });
  return { header, headerLine: head.info.lines, rows };
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
