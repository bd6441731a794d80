import { ConditionSyntaxError } from './error.js';

export type TokenType =
  'number' | 'string' | 'ident' | 'op' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'comma' | 'eof';

export interface Token {
  type: TokenType;
  /** Source text for identifiers and operators; the decoded value for strings. */
  text: string;
  /** Numeric value of number tokens. */
  value?: number;
  pos: number;
}

const OPERATORS = ['<=', '>=', '!=', '=', '<', '>'];
const SINGLE: Record<string, TokenType> = {
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
  ',': 'comma',
};

/** Splits condition text into tokens; throws ConditionSyntaxError at the first bad character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const single = SINGLE[ch];
    if (single) {
      tokens.push({ type: single, text: ch, pos: i });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    // A minus sign only ever starts a negative number: the language has no arithmetic.
    const number = /^-?\d+(\.\d+)?/.exec(source.slice(i, i + 40));
    if (number) {
      tokens.push({ type: 'number', text: number[0], value: Number(number[0]), pos: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 80));
    if (ident) {
      tokens.push({ type: 'ident', text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = readString(source, i, tokens);
      i = end;
      continue;
    }
    throw new ConditionSyntaxError('unexpected_character', i, ch);
  }
  tokens.push({ type: 'eof', text: '', pos: source.length });
  return tokens;
}

function readString(source: string, start: number, tokens: Token[]): number {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === quote) {
      tokens.push({ type: 'string', text: value, pos: start });
      return i + 1;
    }
    if (ch === '\\' && i + 1 < source.length) {
      value += source[i + 1];
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw new ConditionSyntaxError('unterminated_string', start, quote ?? '');
}
