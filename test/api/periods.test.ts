import { expect } from 'chai';
import {
  editionYear,
  isPeriod,
  nextPeriod,
  periodDates,
  periodKey,
  periodLabel,
  periodMonths,
  periodOf,
} from '#api/periods.js';

describe('api/periods: edition numbers of monthly and quarterly editions', () => {
  it('periodOf reads YYYY-MM and YYYY-Qn (a quarter is its last month) and refuses the rest', () => {
    expect(periodOf('2026-03')).to.equal(202603);
    expect(periodOf('2026-Q1')).to.equal(202603);
    expect(periodOf('2026-q4')).to.equal(202612);
    for (const bad of ['2026-13', '2026-00', '2026-3', '03/2026', '2026', ''])
      expect(periodOf(bad), bad).to.equal(null);
  });

  it('isPeriod tells a period number from a year; editionYear gives the year of either', () => {
    expect(isPeriod(202603)).to.equal(true);
    expect(isPeriod(2026)).to.equal(false);
    expect(isPeriod(202613)).to.equal(false);
    expect(isPeriod(202600)).to.equal(false);
    expect(editionYear(202603)).to.equal(2026);
    expect(editionYear(2025)).to.equal(2025);
  });

  it('periodMonths and periodDates cover one month or the three months of a quarter', () => {
    expect(periodMonths(202603, 'month')).to.deep.equal([202603, 202603]);
    expect(periodMonths(202606, 'quarter')).to.deep.equal([202604, 202606]);
    expect(periodDates(202602, 'month')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDates(202402, 'month').to).to.equal('2024-02-29');
    expect(periodDates(202612, 'quarter')).to.deep.equal({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('nextPeriod steps over the year end; periodKey writes YYYY-MM', () => {
    expect(nextPeriod(202612, 'month')).to.equal(202701);
    expect(nextPeriod(202611, 'quarter')).to.equal(202702);
    expect(nextPeriod(202612, 'quarter')).to.equal(202703);
    expect(periodKey(202601)).to.equal('2026-01');
    expect(periodKey(2025)).to.equal('2025');
  });

  it('periodLabel names months and quarters in both languages', () => {
    expect(periodLabel(202603, 'vi')).to.equal('tháng 3/2026');
    expect(periodLabel(202603, 'en')).to.equal('March 2026');
    expect(periodLabel(202606, 'vi', 'quarter')).to.equal('quý 2/2026');
    expect(periodLabel(202606, 'en', 'quarter')).to.equal('Q2 2026');
    expect(periodLabel(2025, 'en')).to.equal('2025');
  });
});
