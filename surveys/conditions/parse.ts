import type { CompareOp, ConditionNode, LiteralNode, ValueNode } from './ast.js';
import { ConditionSyntaxError } from './error.js';
import { tokenize, type Token } from './tokenize.js';

export { ConditionSyntaxError } from './error.js';

const MAX_LENGTH = 1000;
const MAX_DEPTH = 32;
const PREDICATES = new Set(['answered', 'unanswered']);

/**
 * Parses condition text into an AST (grammar in surveys/README.md). Throws ConditionSyntaxError with
 * the 0-based position of the problem.
 */
export function parseCondition(text: string): ConditionNode {
  if (typeof text !== 'string') throw new TypeError('condition is not a string');
  if (text.length > MAX_LENGTH) throw new ConditionSyntaxError('too_long', MAX_LENGTH, '');
  const parser = new Parser(tokenize(text));
  if (parser.peek().type === 'eof') throw new ConditionSyntaxError('empty', 0, '');
  const node = parser.parseOr();
  const rest = parser.peek();
  if (rest.type !== 'eof') throw new ConditionSyntaxError('unexpected_token', rest.pos, rest.text);
  return node;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'ident' && token.text === word;
  }

  private expect(type: Token['type'], reason: ConditionSyntaxError['reason']): Token {
    const token = this.peek();
    if (token.type !== type) throw new ConditionSyntaxError(reason, token.pos, token.text);
    return this.next();
  }

  parseOr(): ConditionNode {
    if (++this.depth > MAX_DEPTH) throw new ConditionSyntaxError('too_deep', this.peek().pos, '');
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    this.depth--;
    return left;
  }

  private parseAnd(): ConditionNode {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): ConditionNode {
    if (this.isKeyword('not')) {
      this.next();
      if (++this.depth > MAX_DEPTH) throw new ConditionSyntaxError('too_deep', this.peek().pos, '');
      const operand = this.parseNot();
      this.depth--;
      return { kind: 'not', operand };
    }
    return this.parseComparison();
  }

  private parseComparison(): ConditionNode {
    const token = this.peek();
    if (token.type === 'lparen') {
      this.next();
      const inner = this.parseOr();
      this.expect('rparen', 'unexpected_token');
      return inner;
    }
    if (token.type === 'ident' && PREDICATES.has(token.text) && this.peek(1).type === 'lparen') {
      this.next();
      const code = this.parseCallArgument();
      return { kind: token.text as 'answered' | 'unanswered', code, pos: token.pos };
    }
    const left = this.parseValue();
    const op = this.peek();
    if (op.type === 'op') {
      this.next();
      return { kind: 'compare', op: op.text as CompareOp, left, right: this.parseValue(), pos: op.pos };
    }
    const negated = this.isKeyword('not') && this.isKeyword('in', 1);
    if (negated) this.next();
    if (this.isKeyword('in')) {
      const pos = this.next().pos;
      return { kind: 'in', value: left, list: this.parseList(), negated, pos };
    }
    throw new ConditionSyntaxError('expected_comparison', op.pos, op.text);
  }

  private parseValue(): ValueNode {
    const token = this.peek();
    if (token.type === 'number' || token.type === 'string') return this.parseLiteral();
    if (token.type !== 'ident' || ['and', 'or', 'not', 'in'].includes(token.text)) {
      throw new ConditionSyntaxError('expected_value', token.pos, token.text);
    }
    this.next();
    if (this.peek().type === 'lparen') {
      if (token.text !== 'count') throw new ConditionSyntaxError('unknown_function', token.pos, token.text);
      return { kind: 'count', code: this.parseCallArgument(), pos: token.pos };
    }
    return { kind: 'ref', code: token.text, pos: token.pos };
  }

  private parseLiteral(): LiteralNode {
    const token = this.peek();
    if (token.type === 'number') {
      this.next();
      return { kind: 'literal', value: token.value as number, pos: token.pos };
    }
    if (token.type === 'string') {
      this.next();
      return { kind: 'literal', value: token.text, pos: token.pos };
    }
    throw new ConditionSyntaxError('expected_literal', token.pos, token.text);
  }

  private parseCallArgument(): string {
    this.expect('lparen', 'unexpected_token');
    const code = this.expect('ident', 'expected_item_code').text;
    this.expect('rparen', 'unexpected_token');
    return code;
  }

  private parseList(): LiteralNode[] {
    this.expect('lbracket', 'unexpected_token');
    const list = [this.parseLiteral()];
    while (this.peek().type === 'comma') {
      this.next();
      list.push(this.parseLiteral());
    }
    this.expect('rbracket', 'unexpected_token');
    return list;
  }
}
