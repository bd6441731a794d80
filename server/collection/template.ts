import ExcelJS from 'exceljs';
import type { SurveyDefinition } from '#surveys/types.js';
import { toCsv } from '#server/http/csv.js';
import { templateHeader } from './import-format.js';

/** The import template as CSV: the header row only, generated from the published definition. */
export function templateCsv(definition: SurveyDefinition): string {
  return toCsv(templateHeader(definition), []);
}

/** The import template as XLSX: a header row, frozen, with cells stored as text. */
export async function templateXlsx(definition: SurveyDefinition): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(definition.id.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const header = templateHeader(definition);
  sheet.addRow(header).font = { bold: true };
  header.forEach((_, i) => (sheet.getColumn(i + 1).numFmt = '@'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
