import { expect } from 'chai';
import { inspectJson } from '#surveys/guard.js';

const limits = { maxDepth: 4, maxNodes: 50, maxStringLength: 20 };
const code = (value: unknown): [string, string] | undefined => {
  const e = inspectJson(value, limits);
  return e && [e.path, e.code];
};

describe('inspectJson', () => {
  it('inspectJson(value, limits) accepts ordinary JSON within the limits', () => {
    expect(inspectJson({ a: [1, 'two', { b: null }] }, limits)).to.equal(undefined);
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`inspectJson(value, limits) reports a ${key} key with its path`, () => {
      expect(code(JSON.parse(`{"a":{"${key}":{}}}`))).to.deep.equal([`/a/${key}`, 'forbidden_key']);
    });
  }

  it('inspectJson(value, limits) escapes / and ~ in reported paths', () => {
    expect(code(JSON.parse('{"a/b~":{"__proto__":1}}'))).to.deep.equal([
      '/a~1b~0/__proto__',
      'forbidden_key',
    ]);
  });

  it('inspectJson(value, limits) reports nesting beyond maxDepth', () => {
    expect(code({ a: { b: { c: { d: { e: 1 } } } } })).to.deep.equal(['/a/b/c/d', 'too_deep']);
  });

  it('inspectJson(value, limits) reports more values than maxNodes', () => {
    expect(code(Array.from({ length: 60 }, () => 0))?.[1]).to.equal('too_large');
  });

  it('inspectJson(value, limits) reports more text than maxStringLength in total', () => {
    expect(code(['x'.repeat(15), 'y'.repeat(15)])?.[1]).to.equal('too_large');
  });

  it('inspectJson(value, limits) survives 100 000 levels of nesting without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(inspectJson(deep, { maxDepth: 8, maxNodes: 1e6, maxStringLength: 1e6 })?.code).to.equal(
      'too_deep',
    );
  });
});
