import { expect } from 'chai';
import { ConditionSyntaxError, parseCondition } from '#surveys/conditions/parse.js';

const errorOf = (text: string): ConditionSyntaxError => {
  try {
    parseCondition(text);
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
};

describe('parseCondition', () => {
  it('parseCondition(text) parses a comparison with its operator and operands', () => {
    expect(parseCondition('A5 >= 2015')).to.deep.equal({
      kind: 'compare',
      op: '>=',
      left: { kind: 'ref', code: 'A5', pos: 0 },
      right: { kind: 'literal', value: 2015, pos: 6 },
      pos: 3,
    });
  });

  for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
    it(`parseCondition(text) reads the ${op} operator`, () => {
      const node = parseCondition(`Q1 ${op} 2`);
      expect(node).to.include({ kind: 'compare', op });
    });
  }

  it('parseCondition(text) binds and tighter than or', () => {
    const node = parseCondition('A = 1 or B = 2 and C = 3');
    expect(node.kind).to.equal('or');
    expect((node as { right: { kind: string } }).right.kind).to.equal('and');
  });

  it('parseCondition(text) binds not tighter than and', () => {
    const node = parseCondition('not A = 1 and B = 2');
    expect(node.kind).to.equal('and');
    expect((node as { left: { kind: string } }).left.kind).to.equal('not');
  });

  it('parseCondition(text) lets parentheses override precedence', () => {
    const node = parseCondition('(A = 1 or B = 2) and C = 3');
    expect(node.kind).to.equal('and');
    expect((node as { left: { kind: string } }).left.kind).to.equal('or');
  });

  it('parseCondition(text) is left-associative for a chain of or', () => {
    const node = parseCondition('A = 1 or B = 1 or C = 1') as { kind: string; left: { kind: string } };
    expect(node.kind).to.equal('or');
    expect(node.left.kind).to.equal('or');
  });

  it('parseCondition(text) parses the brief example', () => {
    const node = parseCondition('Q3 = 2 and (Q5 in [1,2] or not answered(Q7))');
    expect(node).to.deep.equal({
      kind: 'and',
      left: {
        kind: 'compare',
        op: '=',
        left: { kind: 'ref', code: 'Q3', pos: 0 },
        right: { kind: 'literal', value: 2, pos: 5 },
        pos: 3,
      },
      right: {
        kind: 'or',
        left: {
          kind: 'in',
          value: { kind: 'ref', code: 'Q5', pos: 12 },
          list: [
            { kind: 'literal', value: 1, pos: 19 },
            { kind: 'literal', value: 2, pos: 21 },
          ],
          negated: false,
          pos: 15,
        },
        right: { kind: 'not', operand: { kind: 'answered', code: 'Q7', pos: 31 } },
      },
    });
  });

  it('parseCondition(text) parses not in as a negated membership test', () => {
    expect(parseCondition('Q5 not in [1]')).to.include({ kind: 'in', negated: true });
  });

  it('parseCondition(text) parses count(X) as a value', () => {
    expect(parseCondition('count(UNITS_DEPT) >= 1')).to.deep.include({
      left: { kind: 'count', code: 'UNITS_DEPT', pos: 0 },
    });
  });

  it('parseCondition(text) parses unanswered(X)', () => {
    expect(parseCondition('unanswered(Q7)')).to.deep.equal({ kind: 'unanswered', code: 'Q7', pos: 0 });
  });

  it('parseCondition(text) reads single- and double-quoted strings with escapes', () => {
    expect(parseCondition(`A = 'it\\'s'`)).to.deep.include({
      right: { kind: 'literal', value: "it's", pos: 4 },
    });
    expect(parseCondition('A = "Hà Nội"')).to.deep.include({
      right: { kind: 'literal', value: 'Hà Nội', pos: 4 },
    });
  });

  it('parseCondition(text) reads negative and decimal numbers', () => {
    expect(parseCondition('A > -1.5')).to.deep.include({ right: { kind: 'literal', value: -1.5, pos: 4 } });
  });

  it('parseCondition(text) ignores whitespace and newlines', () => {
    expect(parseCondition('  A\n=\t1 ')).to.include({ kind: 'compare', op: '=' });
  });

  const errors: Array<[string, string, string, number]> = [
    ['an empty condition', '   ', 'empty', 0],
    ['a missing right operand', 'Q1 = ', 'expected_value', 5],
    ['an unclosed parenthesis', '(Q1 = 1', 'unexpected_token', 7],
    ['an unexpected character', 'Q1 & Q2', 'unexpected_character', 3],
    ['a doubled equals sign', 'Q1 == 1', 'expected_value', 4],
    ['an unterminated string', "Q1 = 'abc", 'unterminated_string', 5],
    ['an unknown function', 'sum(Q1) > 2', 'unknown_function', 0],
    ['a bare item without comparison', 'Q1 and Q2 = 1', 'expected_comparison', 3],
    ['trailing tokens', 'Q1 = 1 Q2', 'unexpected_token', 7],
    ['a keyword used as a value', 'Q1 = and', 'expected_value', 5],
    ['an empty list', 'Q1 in []', 'expected_literal', 7],
    ['an item code inside a list', 'Q1 in [Q2]', 'expected_literal', 7],
    ['answered() without an item code', 'answered(1)', 'expected_item_code', 9],
    ['answered() used as a value', 'answered(Q1) = 1', 'unexpected_token', 13],
  ];
  for (const [behaviour, text, reason, position] of errors) {
    it(`parseCondition(text) throws ${reason} at ${position} for ${behaviour}`, () => {
      const error = errorOf(text);
      expect(error).to.be.instanceOf(SyntaxError);
      expect({ reason: error.reason, position: error.position }).to.deep.equal({ reason, position });
      expect(error.message).to.contain(`at ${position}`);
    });
  }

  it('parseCondition(text) rejects nesting deeper than 32 levels instead of overflowing the stack', () => {
    expect(errorOf(`${'('.repeat(40)}A = 1${')'.repeat(40)}`).reason).to.equal('too_deep');
    expect(errorOf(`${'not '.repeat(40)}A = 1`).reason).to.equal('too_deep');
  });

  it('parseCondition(text) rejects text longer than 1000 characters', () => {
    expect(errorOf(`A = 1${' or A = 1'.repeat(200)}`).reason).to.equal('too_long');
  });

  it('parseCondition(text) throws a TypeError for a non-string', () => {
    expect(() => parseCondition(42 as unknown as string)).to.throw(TypeError, 'condition is not a string');
  });
});
