import ExcelJS from 'exceljs';
import type { Lang } from '#api/text.js';
import type { SurveyDefinition } from '#surveys/types.js';
import { toCsv } from '#server/http/csv.js';
import { templateHeader } from './import-format.js';
import { templateColumns } from './template-columns.js';

/** The import template as CSV: the header row only, generated from the published definition. */
export function templateCsv(definition: SurveyDefinition): string {
  return toCsv(templateHeader(definition), []);
}

/** Rows offered with drop-downs: a paper campaign rarely types more forms into one file. */
const FORM_ROWS = 1000;

// ExcelJS writes range validations (its xform reads `A2:A1001` keys) but types only the per-cell API.
const ranges = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

const INSTRUCTIONS: Record<Lang, string[]> = {
  vi: [
    'Mỗi dòng của trang "Phiếu" là một phiếu trả lời. Dòng 1 là mã cột: không sửa, không xoá.',
    'Di chuột vào ô tiêu đề để xem câu hỏi; các cột có danh sách thả xuống chỉ nhận giá trị trong danh sách.',
    'Bỏ trống ô của câu không được trả lời. Nhiều lựa chọn: ghi các mã cách nhau bằng dấu ;',
    'Khi tải lên, mọi dòng được kiểm tra trước; nếu có lỗi, không dòng nào được lưu và từng lỗi được chỉ rõ dòng, cột.',
  ],
  en: [
    'Each row of the "Forms" sheet is one response. Row 1 holds the column codes: do not change or delete it.',
    'Hover over a header cell to read its question; columns with a drop-down accept only the listed values.',
    'Leave a cell empty when the question was not answered. Several choices: write the codes separated by ;',
    'On upload every row is checked first; if any row has a problem, nothing is stored and each problem names its row and column.',
  ],
};

/**
 * The fillable import template: a "Forms" sheet (the first, which the importer reads) whose header
 * keeps the column codes and carries each question's text as a note, with drop-down lists for
 * choice and scale items and unit codes; an instructions sheet listing every column; and a hidden
 * sheet with the lists the drop-downs refer to.
 */
export async function templateXlsx(
  definition: SurveyDefinition,
  lang: Lang = 'vi',
  units: Record<string, readonly string[]> = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const forms = workbook.addWorksheet(lang === 'vi' ? 'Phiếu' : 'Forms', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const help = workbook.addWorksheet(lang === 'vi' ? 'Hướng dẫn' : 'Instructions');
  const lists = workbook.addWorksheet('lists', { state: 'veryHidden' });
  const columns = templateColumns(definition, lang, units);
  const header = forms.addRow(columns.map((c) => c.code));
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const col = forms.getColumn(i + 1);
    col.numFmt = '@';
    col.width = Math.min(28, Math.max(10, c.code.length + 2));
    header.getCell(i + 1).note = `${c.label}${c.hint ? `\n${c.hint}` : ''}`;
    if (!c.options) return;
    c.options.forEach((v, r) => (lists.getCell(r + 1, i + 1).value = v));
    const letter = columnLetter(i + 1);
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`lists!$${letter}$1:$${letter}$${c.options.length}`],
      showErrorMessage: true,
      errorTitle: lang === 'vi' ? 'Giá trị không hợp lệ' : 'Invalid value',
      error: (
        c.hint || (lang === 'vi' ? 'Chọn một giá trị trong danh sách' : 'Pick a value from the list')
      ).slice(0, 250),
    };
    // A range, not one validation per cell: cells stay unmaterialised, so the sheet has no empty rows.
    ranges(forms).add(`${letter}2:${letter}${FORM_ROWS + 1}`, validation);
  });
  help.columns = [{ width: 24 }, { width: 70 }, { width: 70 }];
  for (const line of INSTRUCTIONS[lang]) help.addRow([line]);
  help.addRow([]);
  help.addRow(lang === 'vi' ? ['Cột', 'Câu hỏi', 'Cách ghi'] : ['Column', 'Question', 'How to answer']).font =
    { bold: true };
  for (const c of columns) help.addRow([c.code, c.label, c.hint]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
