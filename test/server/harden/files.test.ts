import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { Express } from 'express';
import iconv from 'iconv-lite';
import request from 'supertest';
import { readCsvBuffer, SheetError } from '#server/collection/import-read.js';
import { CsvSyntaxError, parseCsvRecords } from '#server/csv/records.js';
import { decodeText, EncodingError } from '#server/files/decode-text.js';
import { checkZipBounds, ZipBoundsError } from '#server/files/zip-bounds.js';
import { describeEachDatabase } from '#test/support/db.js';
import { tableCounts } from '#test/support/table-counts.js';
import { numericRows, xlsx, zip } from '#test/support/zip.js';
import { PARSE_LIMITS } from '#server/files/read-sheet.js';
import { ANALYST_TOKEN, publishEdition, seedFamily, testApp } from '#test/server/collection/support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// "Sở Kế hoạch và Đầu tư" as Excel on a Vietnamese Windows saves it: base letters with their
// hats and horns precomposed, tone marks as separate combining bytes.
const WINDOWS_1258 = Buffer.from([
  0x53, 0xf5, 0xd2, 0x20, 0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0xf2, 0x63, 0x68, 0x20, 0x76, 0x61, 0xcc,
  0x20, 0xd0, 0xe2, 0xcc, 0x75, 0x20, 0x74, 0xfd,
]);
const NAME = 'Sở Kế hoạch và Đầu tư';

describe('decodeText', () => {
  it('decodeText(buffer) reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(NAME))).to.deep.equal({ text: NAME, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAME)])).text).to.equal(
      NAME,
    );
  });

  it('decodeText(buffer) reads UTF-16 LE and BE, with a BOM or from the zero bytes of ASCII text', () => {
    const le = iconv.encode(`unit,name\nA,${NAME}\n`, 'utf-16le');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).encoding).to.equal('utf-16le');
    expect(decodeText(le)).to.deep.equal({ text: `unit,name\nA,${NAME}\n`, encoding: 'utf-16le' });
    const be = iconv.encode(`unit,name\nA,${NAME}\n`, 'utf-16be');
    expect(decodeText(be).text).to.equal(`unit,name\nA,${NAME}\n`);
  });

  it('decodeText(buffer) reads Windows-1258 and composes its tone marks (NFC)', () => {
    expect(decodeText(WINDOWS_1258)).to.deep.equal({ text: NAME, encoding: 'windows-1258' });
  });

  it('decodeText(buffer) refuses another 8-bit encoding, naming the byte and what to do', () => {
    // TCVN3 ("ABC") puts Vietnamese letters in 0x80-0xBF, which Windows-1258 reads as punctuation.
    const tcvn3 = Buffer.from([0x53, 0xad, 0x20, 0x4b, 0xd5, 0x20, 0x68, 0xa7, 0x93, 0xa9, 0x8c]);
    expect(() => decodeText(tcvn3)).to.throw(
      EncodingError,
      /not UTF-8 \(invalid byte 0xAD at offset 1\).*CSV UTF-8/,
    );
  });
});

describe('parseCsvRecords bounds and separators', () => {
  it('parseCsvRecords(text) recognises semicolon- and tab-separated files from the header', () => {
    expect(parseCsvRecords('a;b\n1;"2;3"\n').rows[0]!.fields).to.deep.equal(['1', '2;3']);
    expect(parseCsvRecords('a\tb\n1\t2\n').header).to.deep.equal(['a', 'b']);
    expect(parseCsvRecords('a,b;c\n1,2\n').header).to.deep.equal(['a', 'b;c']);
  });

  it('parseCsvRecords(text) refuses a NUL or an unpaired surrogate in a cell, by line and column', () => {
    expect(() => parseCsvRecords('a,b\n1,x\u0000\n'))
      .to.throw(CsvSyntaxError, /NUL/)
      .with.property('line', 2);
    expect(() => parseCsvRecords('a,b\n1,2\n3,\ud83d\n'))
      .to.throw(CsvSyntaxError, /broken/)
      .with.property('line', 3);
  });

  it('parseCsvRecords(text) refuses over-long cells and too many columns', () => {
    expect(() => parseCsvRecords(`a\n${'x'.repeat(10_001)}\n`)).to.throw(CsvSyntaxError, /too long/);
    expect(() => parseCsvRecords(`${Array.from({ length: 501 }, (_, i) => `c${i}`).join(',')}\n`)).to.throw(
      CsvSyntaxError,
      /too many columns/,
    );
  });

  it('readCsvBuffer(Windows-1258 semicolon CSV) gives the Vietnamese text, not garbled', () => {
    const file = Buffer.concat([Buffer.from('unit;name\r\nSO_KHDT;'), WINDOWS_1258, Buffer.from('\r\n')]);
    const sheet = readCsvBuffer(file);
    expect(sheet.header).to.deep.equal(['unit', 'name']);
    expect(sheet.rows[0]!.cells.get('name')).to.equal(NAME);
  });

  it('readCsvBuffer(unknown 8-bit file) is a SheetError naming the encoding problem', () => {
    expect(() => readCsvBuffer(Buffer.from([0x61, 0x0a, 0x8c, 0x8d, 0x8e, 0x0a]))).to.throw(
      SheetError,
      /not UTF-8/,
    );
  });
});

describe('checkZipBounds', () => {
  it('checkZipBounds(bomb) refuses a part that expands 1000-fold before anything is unzipped', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x41) }]);
    expect(bomb.length).to.be.below(200_000);
    expect(() => checkZipBounds(bomb)).to.throw(ZipBoundsError, /zip bomb/);
  });

  it('checkZipBounds(zip) refuses a declared total over 100 MB and garbage that is not a ZIP', () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({
      name: `p${i}`,
      data: randomBytes(300_000), // incompressible: a plausible ratio, a total over the bound
      declaredSize: 40 * 1024 * 1024,
    }));
    expect(() => checkZipBounds(zip(parts))).to.throw(ZipBoundsError, /more than 100 MB/);
    expect(() => checkZipBounds(Buffer.from('PK not really a zip file at all'))).to.throw(ZipBoundsError);
  });
});

describeEachDatabase('hostile uploads to the paper-form import', (ctx) => {
  let app: Express;
  let slug: string;
  const upload = (body: Buffer, type: string) =>
    request(app)
      .post(`/api/v1/admin/survey-editions/${slug}/imports`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`)
      .set('content-type', type)
      .send(body);

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
  });

  it('a 100 MB-expanding XLSX bomb of 100 KB is a 422 naming the problem; nothing changes', async () => {
    const before = await tableCounts(ctx.database);
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20) },
    ]);
    const res = await upload(bomb, XLSX);
    expect([res.status, res.body.error.code]).to.deep.equal([422, 'import_unreadable']);
    expect(res.body.error.messages.en).to.match(/zip bomb|expands to more than/);
    expect(await tableCounts(ctx.database)).to.deep.equal(before);
  });

  it('an XLSX whose directory lies about its size is refused by the worker with a 422', async () => {
    const liar = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ]);
    const res = await upload(liar, XLSX);
    expect([res.status, res.body.error.code]).to.deep.equal([422, 'import_unreadable']);
  });

  it('an XLSX needing more memory than the parse worker may use is a 413, and /healthz answers meanwhile', async () => {
    const cap = PARSE_LIMITS.maxHeapMb;
    PARSE_LIMITS.maxHeapMb = 48; // the same path as 384 MB against an 800k-row sheet, at test size
    try {
      const before = await tableCounts(ctx.database);
      let done = false;
      const pending = upload(xlsx(numericRows(100_000)), XLSX).then((r) => ((done = true), r));
      const health = await request(app).get('/healthz');
      expect([health.status, done]).to.deep.equal([200, false]);
      const res = await pending;
      expect([res.status, res.body.error.code]).to.deep.equal([413, 'file_too_large']);
      expect(res.body.error.messages.vi).to.include('bộ nhớ');
      expect(await tableCounts(ctx.database)).to.deep.equal(before);
    } finally {
      PARSE_LIMITS.maxHeapMb = cap;
    }
  });

  it('a CSV with a NUL in a cell is a 422 naming the line, not a 500', async () => {
    const res = await upload(Buffer.from('survey_code,channel\nABCD,paper\u0000\n'), 'text/csv');
    expect(res.status).to.equal(422);
    expect(res.body.error.messages.en).to.include('NUL');
  });
});
