// The condition language's syntax tree. Grammar and semantics: surveys/README.md.

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface LiteralNode {
  kind: 'literal';
  value: number | string;
  pos: number;
}

/** A reference to an item's answer, by item code. */
export interface RefNode {
  kind: 'ref';
  code: string;
  pos: number;
}

/** count(X): number of selected options or units; 0 when unanswered, 1 for an answered single value. */
export interface CountNode {
  kind: 'count';
  code: string;
  pos: number;
}

export type ValueNode = LiteralNode | RefNode | CountNode;

export type ConditionNode =
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'compare'; op: CompareOp; left: ValueNode; right: ValueNode; pos: number }
  | { kind: 'in'; value: ValueNode; list: LiteralNode[]; negated: boolean; pos: number }
  | { kind: 'answered' | 'unanswered'; code: string; pos: number };
