import { expect } from 'chai';
import { inspectJson, MAX_DEPTH } from '#server/http/body-guard.js';

describe('inspectJson', () => {
  it('inspectJson(value) accepts ordinary nested JSON', () => {
    expect(inspectJson({ a: [1, { b: 'c' }], d: null })).to.equal(null);
  });

  it('inspectJson(value) finds a __proto__ key anywhere and names its path', () => {
    expect(inspectJson(JSON.parse('{"a":[{"__proto__":{"x":1}}]}'))).to.deep.equal({
      path: '/a/0/__proto__',
      problem: 'key',
    });
  });

  it('inspectJson(value) rejects constructor and prototype keys', () => {
    expect(inspectJson({ constructor: 1 })?.problem).to.equal('key');
    expect(inspectJson({ x: { prototype: 1 } })?.path).to.equal('/x/prototype');
  });

  it(`inspectJson(value) rejects nesting deeper than ${MAX_DEPTH}`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 1; i++) deep = [deep];
    expect(inspectJson(deep)?.problem).to.equal('depth');
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = [ok];
    expect(inspectJson(ok)).to.equal(null);
  });
});
