import type { Answers, AnswerValue } from '#surveys/types.js';
import type { ConditionNode, LiteralNode, ValueNode } from './ast.js';

export interface ConditionContext {
  /** Answers of the unit being rated, for items inside a per-unit rating block. */
  unitAnswers?: Answers;
  /** Don't-know code per item code; an answer equal to it counts as missing. */
  dontKnow?: ReadonlyMap<string, number>;
}

type Scalar = number | string;

/**
 * Evaluates a parsed condition. A missing answer (absent, empty string, empty array, or the item's
 * don't-know code) makes every comparison false, including `!=` and `not in`; `answered()`,
 * `unanswered()` and `count()` test for it explicitly.
 */
export function evaluateCondition(
  node: ConditionNode,
  answers: Answers,
  context: ConditionContext = {},
): boolean {
  const lookup = (code: string): AnswerValue | undefined => {
    const value = own(context.unitAnswers, code) ?? own(answers, code);
    if (value === undefined || value === null || value === '') return undefined;
    if (Array.isArray(value)) return value.length === 0 ? undefined : value;
    if (typeof value !== 'number' && typeof value !== 'string') return undefined;
    if (context.dontKnow?.get(code) === value) return undefined;
    return value;
  };
  const valueOf = (v: ValueNode): AnswerValue | undefined => {
    if (v.kind === 'literal') return v.value;
    const value = lookup(v.code);
    if (v.kind === 'ref') return value;
    if (value === undefined) return 0;
    return Array.isArray(value) ? value.length : 1;
  };
  const run = (n: ConditionNode): boolean => {
    switch (n.kind) {
      case 'and':
        return run(n.left) && run(n.right);
      case 'or':
        return run(n.left) || run(n.right);
      case 'not':
        return !run(n.operand);
      case 'answered':
        return lookup(n.code) !== undefined;
      case 'unanswered':
        return lookup(n.code) === undefined;
      case 'compare':
        return compare(n.op, valueOf(n.left), valueOf(n.right));
      case 'in':
        return member(valueOf(n.value), n.list, n.negated);
    }
  };
  return run(node);
}

function own(record: Answers | undefined, code: string): AnswerValue | undefined {
  return record !== undefined && Object.hasOwn(record, code) ? record[code] : undefined;
}

function compare(op: string, left: AnswerValue | undefined, right: AnswerValue | undefined): boolean {
  if (left === undefined || right === undefined) return false;
  // A multiple-choice answer equals a value when that value is among the selections.
  if (Array.isArray(left) || Array.isArray(right)) {
    const [list, value] = Array.isArray(left) ? [left, right] : [right as readonly Scalar[], left];
    if (Array.isArray(value)) return false;
    if (op === '=') return list.includes(value as Scalar);
    if (op === '!=') return !list.includes(value as Scalar);
    return false;
  }
  if (typeof left !== typeof right) return op === '!=';
  switch (op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

function member(value: AnswerValue | undefined, list: LiteralNode[], negated: boolean): boolean {
  if (value === undefined) return false;
  const values = list.map((l) => l.value);
  const selected: readonly Scalar[] = Array.isArray(value) ? value : [value as Scalar];
  const hit = selected.some((v) => values.includes(v));
  return negated ? !hit : hit;
}
