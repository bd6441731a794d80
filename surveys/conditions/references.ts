import type { ConditionNode, ValueNode } from './ast.js';

export interface ConditionReference {
  code: string;
  pos: number;
  /** How the item is used: as a value, inside count(), or in answered()/unanswered(). */
  use: 'value' | 'count' | 'presence';
}

/** Item codes a condition refers to, in source order. */
export function conditionReferences(node: ConditionNode): ConditionReference[] {
  const out: ConditionReference[] = [];
  visit(node, out);
  return out.sort((a, b) => a.pos - b.pos);
}

function visit(node: ConditionNode, out: ConditionReference[]): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      visit(node.left, out);
      visit(node.right, out);
      return;
    case 'not':
      visit(node.operand, out);
      return;
    case 'compare':
      value(node.left, out);
      value(node.right, out);
      return;
    case 'in':
      value(node.value, out);
      return;
    case 'answered':
    case 'unanswered':
      out.push({ code: node.code, pos: node.pos, use: 'presence' });
  }
}

function value(node: ValueNode, out: ConditionReference[]): void {
  if (node.kind === 'ref') out.push({ code: node.code, pos: node.pos, use: 'value' });
  if (node.kind === 'count') out.push({ code: node.code, pos: node.pos, use: 'count' });
}
