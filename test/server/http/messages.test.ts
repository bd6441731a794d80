import { expect } from 'chai';
import { MESSAGE_AREAS, serverMessage, serverMessageCodes } from '#server/http/messages.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]!).sort();

describe('serverMessage(key, params)', () => {
  it('serverMessage(key, params) fills the same placeholders in both languages', () => {
    expect(serverMessage('slug_taken', { slug: 'ddci-2025' })).to.deep.equal({
      vi: 'Tên "ddci-2025" đã được dùng',
      en: 'The slug "ddci-2025" is already taken',
    });
  });

  it('serverMessage(key, params) takes a bilingual param language by language', () => {
    const first = { vi: 'Thiếu trường', en: 'Missing field' };
    const m = serverMessage('validation_failed', { total: 2, path: '/year', first });
    expect(m.vi).to.equal('Dữ liệu không hợp lệ (2 lỗi): /year — Thiếu trường');
    expect(m.en).to.equal('Invalid data (2 errors): /year — Missing field');
  });

  it('serverMessage(key, params) picks the English singular for a count of 1', () => {
    expect(serverMessage('too_many_attempts.codes', { minutes: 1 }).en).to.match(/in 1 minute\.$/);
    expect(serverMessage('too_many_attempts.codes', { minutes: 5 }).en).to.match(/in 5 minutes\.$/);
    expect(serverMessage('too_many_attempts.codes', { minutes: 5 }).vi).to.match(/sau 5 phút\.$/);
  });

  it('serverMessage(key) throws for a key the catalogue lacks', () => {
    expect(() => serverMessage('no_such_code' as never)).to.throw(RangeError, /no_such_code/);
  });

  it('the area catalogues share no key, so none silently replaces another', () => {
    const keys = Object.values(MESSAGE_AREAS).flatMap((area) => Object.keys(area));
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(repeated).to.deep.equal([]);
    expect(serverMessageCodes).to.have.length(keys.length);
  });

  it('every message names the same placeholders in Vietnamese and English, and neither is empty', () => {
    for (const area of Object.values(MESSAGE_AREAS))
      for (const [key, text] of Object.entries(area)) {
        const { vi, en } = text as { vi: string; en: string };
        expect(vi.trim(), key).to.not.equal('');
        expect(en.trim(), key).to.not.equal('');
        // An English-only variant of a param is named with En (`{expected}` / `{expectedEn}`).
        const en_ = placeholders(en).map((p) => p.replace(/En$/, ''));
        expect([...new Set(placeholders(vi))], key).to.deep.equal([...new Set(en_)]);
      }
  });
});
