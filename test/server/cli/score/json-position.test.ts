import { expect } from 'chai';
import { jsonPositions } from '#server/cli/score/json-position.js';

describe('jsonPositions', () => {
  const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c/d": null\n}';

  it('jsonPositions(text) locates an object member at its key', () => {
    expect(jsonPositions(text).get('/a')).to.deep.equal({ line: 2, column: 3 });
  });
  it('jsonPositions(text) locates array items and nested members', () => {
    const p = jsonPositions(text);
    expect(p.get('/a/1')).to.deep.equal({ line: 2, column: 12 });
    expect(p.get('/a/1/b')).to.deep.equal({ line: 2, column: 13 });
  });
  it('jsonPositions(text) escapes / in keys as ~1, as JSON pointers do', () => {
    expect(jsonPositions(text).get('/c~1d')).to.deep.equal({ line: 3, column: 3 });
  });
});
