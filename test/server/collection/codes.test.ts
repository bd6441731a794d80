import { expect } from 'chai';
import { parseCode } from '#surveys/code-format.js';
import { randomCode } from '#server/collection/codes.js';

const compact = (code: string): string => code.replace(/-/g, '');

describe('randomCode', () => {
  it('randomCode() passes its own check and differs every time', () => {
    const codes = Array.from({ length: 2000 }, randomCode);
    expect(new Set(codes).size).to.equal(codes.length);
    for (const c of codes) expect(parseCode(c).ok).to.equal(true);
  });

  it('randomCode() uses every symbol in every payload position (65 random bits)', () => {
    const seen = Array.from({ length: 13 }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) [...compact(randomCode())].slice(0, 13).forEach((c, p) => seen[p]!.add(c));
    for (const s of seen) expect(s.size).to.equal(32);
  });
});
