import { expect } from 'chai';
import { CODE_ALPHABET, CODE_LENGTH, checkValue, formatCode, parseCode } from '#surveys/code-format.js';
import { randomSource } from '#scoring/random.js';

const compact = (code: string): string => code.replace(/-/g, '');

function sampleCodes(n: number): string[] {
  const rng = randomSource('code-format-test');
  return Array.from({ length: n }, () =>
    compact(formatCode(Array.from({ length: 13 }, () => rng.int(0, 32)))),
  );
}

describe('formatCode', () => {
  it('formatCode(values) writes 14 symbols in groups of four', () => {
    expect(formatCode([20, 7, 24, 2, 21, 9, 29, 13, 4, 17, 26, 11, 25])).to.match(
      /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/,
    );
  });

  it('formatCode(values) rejects the wrong number of values or values outside 0–31', () => {
    expect(() => formatCode([1, 2, 3])).to.throw(RangeError);
    expect(() => formatCode(Array.from({ length: 13 }, () => 32))).to.throw(RangeError);
  });

  it('formatCode(values) never uses I, L, O or U', () => {
    expect(CODE_ALPHABET).to.have.length(32);
    expect(CODE_ALPHABET).not.to.match(/[ILOU]/);
  });
});

describe('parseCode', () => {
  it('parseCode(input) accepts lower case, spaces and look-alike letters', () => {
    const code = compact(formatCode([0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    const typed = code
      .toLowerCase()
      .replace(/0/g, 'o')
      .replace(/1/g, 'l')
      .replace(/(.{4})/g, '$1 ');
    expect(parseCode(typed)).to.deep.equal({ ok: true, code });
  });

  it('parseCode(input) names the problem: empty, invalid character, wrong length, failed check', () => {
    expect(parseCode('')).to.deep.equal({ ok: false, problem: 'empty' });
    expect(parseCode('K7Q2-M9XD-4HTB-U8')).to.deep.equal({ ok: false, problem: 'invalid_character' });
    expect(parseCode('K7Q2-M9XD')).to.deep.equal({ ok: false, problem: 'wrong_length' });
    expect(parseCode('K7Q2-M9XD-4HTB-R8')).to.deep.equal({ ok: false, problem: 'check_failed' });
  });

  it('parseCode(input) detects every single-symbol typo in every position', () => {
    let tried = 0;
    let missed = 0;
    for (const code of sampleCodes(200)) {
      for (let i = 0; i < CODE_LENGTH; i++) {
        for (const s of CODE_ALPHABET) {
          if (s === code[i]) continue;
          tried++;
          if (parseCode(code.slice(0, i) + s + code.slice(i + 1)).ok) missed++;
        }
      }
    }
    expect(tried).to.equal(200 * CODE_LENGTH * 31);
    expect(missed / tried).to.equal(0);
  });

  it('parseCode(input) detects every swap of two different adjacent symbols, the check symbol included', () => {
    let tried = 0;
    for (const code of sampleCodes(500)) {
      for (let i = 0; i < CODE_LENGTH - 1; i++) {
        if (code[i] === code[i + 1]) continue;
        tried++;
        expect(
          parseCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)).ok,
          `${code} at ${i}`,
        ).to.equal(false);
      }
    }
    expect(tried).to.be.greaterThan(5000);
  });
});

describe('checkValue', () => {
  it('checkValue(values) is the symbol that makes the whole code check to zero', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9];
    expect(compact(formatCode(values)).at(-1)).to.equal(CODE_ALPHABET[checkValue(values)]);
  });
});
