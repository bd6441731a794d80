import { expect } from 'chai';
import { parseCondition } from '#surveys/conditions/parse.js';
import { conditionReferences } from '#surveys/conditions/references.js';

describe('conditionReferences', () => {
  it('conditionReferences(ast) lists item codes in source order with how each is used', () => {
    const refs = conditionReferences(
      parseCondition('count(U) >= 1 and (Q5 in [1] or not answered(Q7)) and 2 < A4'),
    );
    expect(refs).to.deep.equal([
      { code: 'U', pos: 0, use: 'count' },
      { code: 'Q5', pos: 19, use: 'value' },
      { code: 'Q7', pos: 36, use: 'presence' },
      { code: 'A4', pos: 58, use: 'value' },
    ]);
  });

  it('conditionReferences(ast) lists nothing for a comparison of literals', () => {
    expect(conditionReferences(parseCondition('1 = 1'))).to.deep.equal([]);
  });
});
