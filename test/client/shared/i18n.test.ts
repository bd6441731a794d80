import { expect } from 'chai';
import { formatDate, formatNumber, formatPercent, formatSigned } from '#client/src/shared/i18n.js';

describe('i18n', () => {
  it('formatNumber(lang, x) uses a decimal comma in Vietnamese and a point in English', () => {
    expect(formatNumber('vi', 1234.567)).to.equal('1.234,57');
    expect(formatNumber('en', 1234.567)).to.equal('1,234.57');
  });

  it('formatNumber(lang, missing) shows a dash for null, NaN and Infinity', () => {
    expect([null, undefined, Number.NaN, Infinity].map((v) => formatNumber('vi', v))).to.deep.equal([
      '—',
      '—',
      '—',
      '—',
    ]);
  });

  it('formatPercent(lang, share) follows the locale', () => {
    expect(formatPercent('en', 0.05)).to.equal('5%');
    expect(formatPercent('vi', 0.125)).to.match(/^12,5\s?%$/);
  });

  it('formatPercent(lang, share) keeps each language its own format when called in turn (one formatter per language)', () => {
    for (let i = 0; i < 3; i++) {
      expect(formatPercent('en', 0.125)).to.equal('12.5%');
      expect(formatPercent('vi', 0.125)).to.match(/^12,5\s?%$/);
    }
  });

  it('formatSigned(lang, x) marks the sign with + and a true minus, and zero without a sign', () => {
    expect(formatSigned('en', 1.254)).to.equal('+1.25');
    expect(formatSigned('vi', -0.5)).to.equal('−0,50');
    expect(formatSigned('en', -0.001)).to.equal('0.00');
    expect(formatSigned('en', null)).to.equal('—');
  });

  it('formatDate(lang, iso) writes the date in the language', () => {
    expect(formatDate('en', '2025-07-01T00:00:00Z')).to.equal('1 July 2025');
    expect(formatDate('vi', '2025-07-01T00:00:00Z')).to.match(/1 tháng 7, 2025/);
  });
});
