import { expect } from 'chai';
import { CsvSyntaxError, parseCsvRecords } from '#server/csv/records.js';

function syntaxError(text: string, opts?: { strictColumns?: boolean }): CsvSyntaxError {
  try {
    parseCsvRecords(text, opts);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('parseCsvRecords', () => {
  it('parseCsvRecords(text) trims the header, drops a BOM and keeps each record’s line', () => {
    const r = parseCsvRecords('\uFEFF a ,b\n1,2\n\n3,"x\ny"\n');
    expect(r.header).to.deep.equal(['a', 'b']);
    expect(r.headerLine).to.equal(1);
    expect(r.rows).to.deep.equal([
      { line: 2, fields: ['1', '2'] },
      { line: 5, fields: ['3', 'x\ny'] },
    ]);
  });

  it('parseCsvRecords(text) allows records of another length unless strictColumns', () => {
    expect(parseCsvRecords('a,b\n1\n').rows[0]!.fields).to.deep.equal(['1']);
    expect(syntaxError('a,b\n1\n', { strictColumns: true }).line).to.equal(2);
  });

  it('parseCsvRecords(text with an open quote) names the line, without csv-parse’s own "at line"', () => {
    const e = syntaxError('a,b\n1,"2\n');
    expect(e.line).to.be.greaterThanOrEqual(2);
    expect(e.message).to.match(/^Quote Not Closed/);
    expect(e.message).not.to.match(/at line \d+/);
  });

  it('parseCsvRecords("") is an error on line 1 asking for a header row', () => {
    const e = syntaxError('');
    expect([e.line, e.column, e.message]).to.deep.equal([1, 1, 'file is empty; expected a header row']);
  });
});
