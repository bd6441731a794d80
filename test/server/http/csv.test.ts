import { expect } from 'chai';
import { toCsv } from '#server/http/csv.js';

describe('toCsv', () => {
  it('toCsv(header, rows) writes CRLF lines and quotes cells with commas, quotes or newlines', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 1.5],
        ],
      ),
    ).to.equal('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",1.5\r\n');
  });

  it('toCsv(header, rows) neutralises text that a spreadsheet would run as a formula', () => {
    const out = toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2+3'], ['@SUM(A1)']]);
    expect(out.split('\r\n').slice(1, 5)).to.deep.equal([
      `"'=HYPERLINK(""http://evil"")"`,
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
    ]);
  });

  it('toCsv(header, rows) keeps negative numbers as numbers and writes missing as empty', () => {
    expect(toCsv(['x', 'y', 'z'], [[-2.5, null, Number.NaN]])).to.equal('x,y,z\r\n-2.5,,\r\n');
  });

  it('toCsv(header, rows, { eol }) ends lines as asked (the CLI writes \\n), with the same neutralisation', () => {
    expect(toCsv(['x'], [['=1+1'], [3]], { eol: '\n' })).to.equal("x\n'=1+1\n3\n");
  });
});
