import { expect } from 'chai';
import { formatNumber, formatPercent, t } from '#client/src/shared/i18n.js';

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

  it('t(lang, key) has both languages', () => {
    expect(t('vi', 'rank')).to.equal('Hạng');
    expect(t('en', 'rank')).to.equal('Rank');
  });
});
