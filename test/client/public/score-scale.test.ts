import { expect } from 'chai';
import { rgb } from 'd3';
import { NO_DATA } from '#client/src/public/charts/map-state.js';
import { scoreScale } from '#client/src/public/charts/score-scale.js';

/** Relative luminance (WCAG 2.x) of a CSS colour. */
function luminance(colour: string): number {
  const c = rgb(colour);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

describe('scoreScale', () => {
  it('scoreScale(values) rounds the domain outward to whole steps of 5 and puts both ends in the ticks', () => {
    const s = scoreScale([52.3, 61, 70.01, null]);
    expect(s.domain).to.deep.equal([50, 75]);
    expect(s.ticks[0]).to.equal(50);
    expect(s.ticks.at(-1)).to.equal(75);
    expect(s.ticks).to.deep.equal([...s.ticks].sort((a, b) => a - b));
    expect(new Set(s.ticks).size).to.equal(s.ticks.length);
  });

  it('scoreScale colours a higher score darker, strictly, so the order survives greyscale and colour-blindness', () => {
    const s = scoreScale([40, 90]);
    const l = [40, 50, 60, 70, 80, 90].map((v) => luminance(s.colour(v)!));
    for (let i = 1; i < l.length; i++) expect(l[i]).to.be.below(l[i - 1]!);
    const stops = s.stops.map((x) => luminance(x.colour));
    for (let i = 1; i < stops.length; i++) expect(stops[i]).to.be.below(stops[i - 1]!);
  });

  it('scoreScale gives a missing score no colour, and no score the no-data grey', () => {
    const s = scoreScale([45, 85]);
    expect(s.colour(null)).to.equal(null);
    expect(s.colour(Number.NaN)).to.equal(null);
    for (let v = 45; v <= 85; v += 0.5) expect(rgb(s.colour(v)!).formatHex()).to.not.equal(NO_DATA);
  });

  it('scoreScale clamps scores outside the domain to its ends and widens a single-value domain', () => {
    const s = scoreScale([60, 60]);
    expect(s.domain).to.deep.equal([55, 65]);
    const wide = scoreScale([50, 70]);
    expect(wide.colour(10)).to.equal(wide.colour(50));
    expect(wide.colour(99)).to.equal(wide.colour(70));
  });
});
