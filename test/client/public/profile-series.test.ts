import { expect } from 'chai';
import type { FamilySummary, LineageStep, ProfileEntry } from '#api/releases.js';
import { lineageMarks, methodologyBreaks, profileSeries } from '#client/src/public/profile-series.js';

const name = (s: string) => ({ vi: s, en: s });
const merge = (from: string, to: string, date: string): LineageStep => ({
  event: 'merge',
  date,
  from: { code: from, name: name(from) },
  to: { code: to, name: name(to) },
  note: null,
});

const entry = (unit: string, edition: number, value: number, relation: 'self' | 'predecessor') =>
  ({
    release: { id: `r${edition}`, edition, title: name(''), status: 'current' },
    unit: { code: unit, name: name(unit) },
    relation,
    block: { code: 'b', name: name('b') },
    rankedUnits: 63,
    n: null,
    composite: { value, rank: 1, reason: null, interval: null, rankRange: null },
    tier: null,
    change: null,
    components: [],
    subIndices: {},
  }) as ProfileEntry;

describe('profile-series', () => {
  it('lineageMarks(steps, years) puts a mid-year merger at the next edition (Hà Tây, 1 August 2008 → 2009)', () => {
    expect(lineageMarks([merge('Ha Tay', 'Hanoi', '2008-08-01')], [2007, 2008, 2009], 'en')).to.deep.equal([
      { year: 2009, label: 'Ha Tay → Hanoi' },
    ]);
  });

  it('lineageMarks(steps, years) drops events after the last edition and summarises many at one edition', () => {
    const steps = ['a', 'b', 'c'].map((c) => merge(c, 'x', '2025-07-01'));
    expect(lineageMarks(steps, [2016], 'en')).to.deep.equal([]);
    expect(lineageMarks(steps, [2026], 'en')[0]!.label).to.equal('a → x; b → x (+1)');
  });

  it('methodologyBreaks(family) marks editions whose methodology differs from the one before', () => {
    const family = {
      editions: [2008, 2009, 2010, 2013].map((year, i) => ({
        year,
        methodologyVersion: ['m6', 'm9', 'm9', 'm13'][i],
      })),
    } as unknown as FamilySummary;
    expect(methodologyBreaks(family).map((b) => b.year)).to.deep.equal([2009, 2013]);
  });

  it('profileSeries(entries) gives the unit first and each predecessor its own series, marked as such', () => {
    const s = profileSeries(
      [
        entry('Ha Tay', 2007, 52, 'predecessor'),
        entry('Hanoi', 2007, 56, 'self'),
        entry('Hanoi', 2009, 58, 'self'),
      ],
      null,
      'en',
    );
    expect(s.map((x) => x.key)).to.deep.equal(['Hanoi', 'Ha Tay']);
    expect(s[1]!.points[0]).to.include({ predecessor: 'Ha Tay', value: 52 });
    expect(s[0]!.points.map((p) => p.year)).to.deep.equal([2007, 2009]);
  });
});
