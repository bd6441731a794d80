import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { canonicalJson, contentHash, sha256Hex } from '#api/canonical-json.js';

describe('canonicalJson (RFC 8785)', () => {
  it('canonicalJson(value) sorts keys at every level and drops undefined properties', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 'é' }], a: undefined, e: null })).to.equal(
      '{"b":[{"c":"é","d":1}],"e":null}',
    );
  });
  it('canonicalJson(object) orders keys by UTF-16 code units, as RFC 8785 §3.2.3 shows', () => {
    // The RFC's sorting example: "\r" < "1" < "\u0080" < "\u00f6" < "\u20ac" < "\ud83d\ude00" < "\ufb33".
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const value = Object.fromEntries(keys.map((k, i) => [k, i]));
    expect(canonicalJson(value)).to.equal(
      '{"\\r":1,"1":3,"\u0080":5,"\u00f6":6,"\u20ac":0,"\ud83d\ude00":4,"\ufb33":2}',
    );
  });
  it('canonicalJson(numbers) writes them as ECMAScript does (RFC 8785 appendix B samples)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5, 2e-3, 1e23])).to.equal(
      '[1e+21,1e-7,0.000001,0,333333333.3333333,4.5,0.002,1e+23]',
    );
  });
  it('canonicalJson(strings) escapes only what JSON requires, in lowercase hex', () => {
    expect(canonicalJson('\u0000\u001f"\\/\n€')).to.equal('"\\u0000\\u001f\\"\\\\/\\n€"');
  });
  it('canonicalJson(NaN) throws a RangeError', () => {
    expect(() => canonicalJson({ a: NaN })).to.throw(RangeError, 'value is not finite');
  });
  it('canonicalJson(lone surrogate) throws a RangeError, in values and keys', () => {
    expect(() => canonicalJson('a\ud800')).to.throw(RangeError, 'lone surrogate');
    expect(() => canonicalJson({ '\udc00': 1 })).to.throw(RangeError, 'lone surrogate');
  });
  it('canonicalJson(bigint) throws a TypeError', () => {
    expect(() => canonicalJson(1n)).to.throw(TypeError);
  });
});

describe('contentHash', () => {
  it('contentHash(value) is the SHA-256 of the canonical JSON, as node:crypto computes it', () => {
    const v = { z: [1, 2.5, 'ấ'], a: { y: true } };
    const expected = createHash('sha256').update(canonicalJson(v), 'utf8').digest('hex');
    expect(contentHash(v)).to.equal(expected);
    expect(sha256Hex(new TextEncoder().encode(canonicalJson(v)))).to.equal(expected);
  });
  it('contentHash(value) ignores key order and changes with any content', () => {
    expect(contentHash({ a: 1, b: 2 })).to.equal(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.to.equal(contentHash({ a: 1, b: 3 }));
  });
});
