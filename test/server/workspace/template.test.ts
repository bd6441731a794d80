import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { readXlsxBuffer } from '#server/collection/import-read.js';
import { templateHeader } from '#server/collection/import-format.js';
import { templateXlsx } from '#server/collection/template.js';
import { ddciDemo2025 } from '#surveys/shipped.js';

async function open(lang: 'vi' | 'en') {
  const buf = await templateXlsx(ddciDemo2025, lang, {
    departments: ['SO_TC', 'SO_XD'],
    localities: ['X_HOA_LAC'],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return { buf, wb, forms: wb.worksheets[0]! };
}

describe('templateXlsx (the fillable paper-form template)', function () {
  this.timeout(60_000);

  it('templateXlsx keeps the importer header in row 1, so an untouched template reads as zero forms', async () => {
    const { buf } = await open('vi');
    const sheet = await readXlsxBuffer(buf);
    expect(sheet.header).to.deep.equal(templateHeader(ddciDemo2025));
    expect(sheet.rows).to.have.length(0);
  });

  it('templateXlsx labels each column with its question in the chosen language', async () => {
    const vi = await open('vi');
    const en = await open('en');
    const col = templateHeader(ddciDemo2025).indexOf('R_DEPT.1.TR1') + 1;
    const note = (ws: ExcelJS.Worksheet) => JSON.stringify(ws.getRow(1).getCell(col).note);
    expect(note(vi.forms)).to.contain('(đơn vị 1)');
    expect(note(en.forms)).to.contain('(unit 1)');
    expect(note(vi.forms)).not.to.equal(note(en.forms));
    expect(vi.wb.worksheets.map((w) => w.name)).to.deep.equal(['Phiếu', 'Hướng dẫn', 'lists']);
    expect(en.wb.getWorksheet('Instructions')!.getRow(1).getCell(1).value).to.match(/^Each row/);
  });

  it('templateXlsx offers drop-downs for scales, choices and the edition’s unit codes', async () => {
    const { forms, wb } = await open('en');
    const header = templateHeader(ddciDemo2025);
    const validation = (code: string) => forms.getCell(2, header.indexOf(code) + 1).dataValidation;
    expect(validation('R_DEPT.1.TR1')).to.include({ type: 'list' });
    expect(validation('channel')).to.include({ type: 'list' });
    const unitCol = header.indexOf('R_DEPT.1.UNIT') + 1;
    const lists = wb.getWorksheet('lists')!;
    expect([lists.getCell(1, unitCol).value, lists.getCell(2, unitCol).value]).to.deep.equal([
      'SO_TC',
      'SO_XD',
    ]);
    expect(validation('C1')).to.equal(undefined);
  });
});
