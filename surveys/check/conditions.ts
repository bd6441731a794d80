import type { ConditionNode, LiteralNode, ValueNode } from '#surveys/conditions/ast.js';
import { ConditionSyntaxError, parseCondition } from '#surveys/conditions/parse.js';
import { conditionReferences } from '#surveys/conditions/references.js';
import { message } from '#surveys/messages.js';
import type { LocatedError, Question, SurveyDefinition, UnitItem } from '#surveys/types.js';
import { questionSites, resolveScale } from '#surveys/walk.js';

type Item = Question | UnitItem;

/**
 * Conditions parse, refer only to items in scope (top-level items; inside a per-unit block also
 * the unit's own items), compare choice items only with codes they have, use count() on
 * multi-valued items, and display conditions (showIf) form no cycle.
 */
export function checkConditions(definition: SurveyDefinition): LocatedError[] {
  const errors: LocatedError[] = [];
  const sites = questionSites(definition);
  const top = new Map<string, Item>();
  const perBlock = new Map<string, Map<string, Item>>();
  for (const s of sites) {
    if (!s.parent) {
      if (s.question.type !== 'unitRatings') top.set(s.question.code, s.question);
      continue;
    }
    const scope = perBlock.get(s.block ?? s.parentPath ?? '') ?? new Map<string, Item>();
    perBlock.set(s.block ?? s.parentPath ?? '', scope);
    scope.set(s.question.code, s.question);
  }

  // Display dependencies, for cycle detection: node key -> [referenced key, condition path].
  const edges = new Map<string, Array<[string, string]>>();
  const keyOf = (code: string, scope?: Map<string, Item>, scopeName?: string): string =>
    scope?.has(code) ? `${scopeName}/${code}` : code;

  const check = (
    text: string,
    path: string,
    scope: Map<string, Item> | undefined,
    scopeName?: string,
  ): string[] => {
    let ast: ConditionNode;
    try {
      ast = parseCondition(text);
    } catch (e) {
      if (!(e instanceof ConditionSyntaxError)) throw e;
      errors.push({
        path,
        code: 'condition_syntax',
        message: message('condition_syntax', {
          position: e.position,
          detail: e.message,
          detailVi: syntaxVi(e),
        }),
      });
      return [];
    }
    const resolved: string[] = [];
    for (const ref of conditionReferences(ast)) {
      const item = scope?.get(ref.code) ?? top.get(ref.code);
      if (!item) {
        errors.push({
          path,
          code: 'unknown_reference',
          message: message('unknown_reference', { code: ref.code }),
        });
        continue;
      }
      resolved.push(keyOf(ref.code, scope, scopeName));
      if (ref.use === 'count' && item.type !== 'multiple' && item.type !== 'units') {
        errors.push({
          path,
          code: 'invalid_count_target',
          message: message('invalid_count_target', { code: ref.code, type: item.type }),
        });
      }
    }
    for (const [code, literal] of literalComparisons(ast)) {
      const item = scope?.get(code) ?? top.get(code);
      const allowed = item && allowedCodes(definition, item);
      if (allowed && !allowed.includes(literal.value)) {
        errors.push({
          path,
          code: 'unknown_option_in_condition',
          message: message('unknown_option_in_condition', { code, value: JSON.stringify(literal.value) }),
        });
      }
    }
    return resolved;
  };

  const sectionRefs = new Map<string, string[]>();
  definition.sections.forEach((section, s) => {
    if (section.showIf !== undefined)
      sectionRefs.set(`/sections/${s}`, check(section.showIf, `/sections/${s}/showIf`, undefined));
  });
  const blockRefs = new Map<string, string[]>();
  for (const site of sites) {
    const q = site.question;
    const scopeName = site.parent ? (site.block ?? site.parentPath ?? '') : undefined;
    const scope = scopeName === undefined ? undefined : perBlock.get(scopeName);
    const own = q.showIf === undefined ? [] : check(q.showIf, `${site.path}/showIf`, scope, scopeName);
    if ('requiredIf' in q && q.requiredIf !== undefined)
      check(q.requiredIf, `${site.path}/requiredIf`, scope, scopeName);
    if (q.type === 'unitRatings') blockRefs.set(site.path, own);
    const inherited = [
      ...(sectionRefs.get(site.sectionPath) ?? []),
      ...(site.parentPath ? (blockRefs.get(site.parentPath) ?? []) : []),
    ];
    const conditionPath = q.showIf !== undefined ? `${site.path}/showIf` : `${site.sectionPath}/showIf`;
    const key = keyOf(q.code, scope, scopeName);
    edges.set(key, [
      ...(edges.get(key) ?? []),
      ...[...own, ...inherited].map((to): [string, string] => [to, conditionPath]),
    ]);
  }
  errors.push(...findCycles(edges));
  return errors;
}

/** (item code, literal) pairs compared with `=`, `!=` or `in`. */
function literalComparisons(node: ConditionNode): Array<[string, LiteralNode]> {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...literalComparisons(node.left), ...literalComparisons(node.right)];
    case 'not':
      return literalComparisons(node.operand);
    case 'compare': {
      if (node.op !== '=' && node.op !== '!=') return [];
      const pair = (a: ValueNode, b: ValueNode): Array<[string, LiteralNode]> =>
        a.kind === 'ref' && b.kind === 'literal' ? [[a.code, b]] : [];
      return [...pair(node.left, node.right), ...pair(node.right, node.left)];
    }
    case 'in':
      return node.value.kind === 'ref'
        ? node.list.map((l): [string, LiteralNode] => [(node.value as { code: string }).code, l])
        : [];
    default:
      return [];
  }
}

function allowedCodes(definition: SurveyDefinition, item: Item): Array<number | string> | undefined {
  if (item.type === 'single' || item.type === 'multiple') return item.options.map((o) => o.code);
  if (item.type !== 'rating') return undefined;
  const scale = resolveScale(definition, item.scale);
  if (!scale) return undefined;
  const values: Array<number | string> = Array.from({ length: scale.points }, (_, i) => i + 1);
  return scale.dontKnow ? [...values, scale.dontKnow.code] : values;
}

function findCycles(edges: Map<string, Array<[string, string]>>): LocatedError[] {
  const errors: LocatedError[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'active');
    stack.push(node);
    for (const [to, path] of edges.get(node) ?? []) {
      if (state.get(to) === 'active') {
        const cycle = [...stack.slice(stack.indexOf(to)), to].map((k) => k.split('/').pop()).join(' → ');
        errors.push({ path, code: 'condition_cycle', message: message('condition_cycle', { cycle }) });
      } else if (!state.has(to)) {
        visit(to);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return errors;
}

const SYNTAX_VI: Record<ConditionSyntaxError['reason'], string> = {
  empty: 'điều kiện trống',
  too_long: 'điều kiện quá dài',
  too_deep: 'lồng ngoặc quá sâu',
  unexpected_character: 'ký tự không hợp lệ',
  unterminated_string: 'chuỗi chưa đóng dấu nháy',
  unexpected_token: 'thành phần không mong đợi',
  unknown_function: 'hàm không tồn tại',
  expected_comparison: 'thiếu phép so sánh',
  expected_value: 'thiếu giá trị',
  expected_literal: 'cần một số hoặc chuỗi',
  expected_item_code: 'cần mã câu hỏi',
};

function syntaxVi(e: ConditionSyntaxError): string {
  return `${SYNTAX_VI[e.reason]}${e.near ? ` '${e.near}'` : ''}`;
}
