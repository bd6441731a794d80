import { expect } from 'chai';
import { evaluateCondition } from '#surveys/conditions/evaluate.js';
import { parseCondition } from '#surveys/conditions/parse.js';
import type { Answers } from '#surveys/types.js';

const run = (text: string, answers: Answers, context = {}): boolean =>
  evaluateCondition(parseCondition(text), answers, context);

describe('evaluateCondition', () => {
  const cases: Array<[string, Answers, boolean]> = [
    ['Q1 = 2', { Q1: 2 }, true],
    ['Q1 = 2', { Q1: 3 }, false],
    ['Q1 != 2', { Q1: 3 }, true],
    ['Q1 != 2', { Q1: 2 }, false],
    ['Q1 < 3', { Q1: 2 }, true],
    ['Q1 < 3', { Q1: 3 }, false],
    ['Q1 <= 3', { Q1: 3 }, true],
    ['Q1 > 3', { Q1: 3 }, false],
    ['Q1 >= 3', { Q1: 3 }, true],
    ['A5 >= 2015', { A5: 2014 }, false],
    ['Q1 in [1, 2]', { Q1: 2 }, true],
    ['Q1 in [1, 2]', { Q1: 3 }, false],
    ['Q1 not in [1, 2]', { Q1: 3 }, true],
    ['T = "abc"', { T: 'abc' }, true],
    ['D >= "2025-01-01"', { D: '2025-03-01' }, true],
    ['Q1 = 1 and Q2 = 1', { Q1: 1, Q2: 2 }, false],
    ['Q1 = 1 or Q2 = 1', { Q1: 2, Q2: 1 }, true],
    ['not Q1 = 1', { Q1: 2 }, true],
  ];
  for (const [text, answers, expected] of cases) {
    it(`evaluateCondition(${text}) is ${expected} for ${JSON.stringify(answers)}`, () => {
      expect(run(text, answers)).to.equal(expected);
    });
  }

  it('evaluateCondition(ast, answers) applies and before or', () => {
    expect(run('Q1 = 1 or Q2 = 1 and Q3 = 1', { Q1: 1, Q2: 2, Q3: 2 })).to.equal(true);
    expect(run('(Q1 = 1 or Q2 = 1) and Q3 = 1', { Q1: 1, Q2: 2, Q3: 2 })).to.equal(false);
  });

  it('evaluateCondition(ast, answers) makes every comparison with a missing answer false, != included', () => {
    for (const text of ['Q1 = 1', 'Q1 != 1', 'Q1 < 1', 'Q1 >= 1', 'Q1 in [1]', 'Q1 not in [1]']) {
      expect(run(text, {}), text).to.equal(false);
    }
  });

  it('evaluateCondition(ast, answers) makes not of a comparison with a missing answer true', () => {
    expect(run('not Q1 = 1', {})).to.equal(true);
  });

  it('evaluateCondition(ast, answers) treats an empty string and an empty selection as unanswered', () => {
    expect(run('answered(T)', { T: '' })).to.equal(false);
    expect(run('unanswered(M)', { M: [] })).to.equal(true);
    expect(run('answered(T)', { T: 'x' })).to.equal(true);
  });

  it("evaluateCondition(ast, answers, {dontKnow}) treats a don't-know code as missing", () => {
    const context = { dontKnow: new Map([['Q1', 9]]) };
    expect(run('Q1 >= 3', { Q1: 9 }, context)).to.equal(false);
    expect(run('answered(Q1)', { Q1: 9 }, context)).to.equal(false);
    expect(run('count(Q1) = 0', { Q1: 9 }, context)).to.equal(true);
    expect(run('Q1 >= 3', { Q1: 9 })).to.equal(true);
  });

  it('evaluateCondition(ast, answers) counts selected options, 0 when unanswered, 1 for a single value', () => {
    expect(run('count(U) = 3', { U: ['A', 'B', 'C'] })).to.equal(true);
    expect(run('count(U) = 0', {})).to.equal(true);
    expect(run('count(Q) = 1', { Q: 4 })).to.equal(true);
  });

  it('evaluateCondition(ast, answers) treats = on a multiple choice as "is selected"', () => {
    expect(run('M = 2', { M: [1, 2] })).to.equal(true);
    expect(run('M != 2', { M: [1, 3] })).to.equal(true);
    expect(run('M != 2', { M: [1, 2] })).to.equal(false);
    expect(run('M in [5, 2]', { M: [1, 2] })).to.equal(true);
    expect(run('M not in [5, 2]', { M: [1, 2] })).to.equal(false);
    expect(run('M > 1', { M: [1, 2] })).to.equal(false);
  });

  it('evaluateCondition(ast, answers) never equates a number with a string', () => {
    expect(run('Q1 = "1"', { Q1: 1 })).to.equal(false);
    expect(run('Q1 != "1"', { Q1: 1 })).to.equal(true);
    expect(run('Q1 < "2"', { Q1: 1 })).to.equal(false);
  });

  it('evaluateCondition(ast, answers, {unitAnswers}) reads sibling items of the unit before top-level answers', () => {
    const answers = { Q1: 1 };
    expect(run('R2 = 1 and Q1 = 1', answers, { unitAnswers: { R2: 1 } })).to.equal(true);
    expect(run('R2 = 1', answers, { unitAnswers: { R2: 2 } })).to.equal(false);
  });

  it('evaluateCondition(ast, answers) ignores inherited properties such as constructor', () => {
    expect(run('answered(constructor)', {})).to.equal(false);
    expect(run('answered(toString)', {})).to.equal(false);
  });
});
