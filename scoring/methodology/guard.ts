import type { Issue } from './issue.js';

/**
 * Explicit caps, checked in one walk before Ajv or any rule sees the value, so every later check is
 * linear in an input that is already small. Ajv with allErrors reports every item past a maxItems
 * and every unknown key, and its work grew faster than the input (4,000 unknown children took 1.7 s,
 * 8,000 took 8 s), so an array or object larger than any the schema allows is refused here.
 */
export const METHODOLOGY_LIMITS = {
  /** Nesting of JSON values (a tree level is two: the node and its children array). */
  maxDepth: 64,
  /** Every value, primitives included. */
  maxValues: 100_000,
  /** The schema's longest array is an aggregate's children (maxItems 1000). */
  maxArrayLength: 1000,
  /** The schema's widest objects (the root, an indicator) have 13 properties. */
  maxKeys: 64,
  /** Characters of all strings and keys together. */
  maxText: 1_000_000,
  /** Nodes of the index tree (indicators and aggregates): the PCI has about 130. */
  maxTreeNodes: 5000,
} as const;

const L = METHODOLOGY_LIMITS;

/** The first hazard of a methodology's raw value (size, depth, cycle), or [] when the checks may run. */
export function guardIssues(input: unknown): Issue[] {
  const onPath = new Set<object>();
  let values = 0;
  let text = 0;
  let treeNodes = 0;
  let issue: Issue | null = null;
  const fail = (path: string, rule: string, message: string) => {
    issue = { path, node: null, rule, message };
  };
  const walk = (value: unknown, path: string, depth: number): void => {
    if (issue) return;
    if (++values > L.maxValues) return fail(path, 'max-size', `more than ${L.maxValues} values`);
    if (typeof value === 'string' && (text += value.length) > L.maxText)
      return fail(path, 'max-size', `more than ${L.maxText} characters of text`);
    if (value === null || typeof value !== 'object') return;
    if (depth > L.maxDepth) return fail(path, 'max-depth', `nested deeper than ${L.maxDepth}`);
    if (onPath.has(value)) return fail(path, 'no-cycles', 'refers back to an ancestor');
    const keys = Object.keys(value);
    if (Array.isArray(value) && value.length > L.maxArrayLength)
      return fail(path, 'max-items', `more than ${L.maxArrayLength} items`);
    if (!Array.isArray(value) && keys.length > L.maxKeys)
      return fail(path, 'max-properties', `more than ${L.maxKeys} properties`);
    if (Array.isArray(value) && path.endsWith('/children') && (treeNodes += value.length) > L.maxTreeNodes)
      return fail(path, 'max-tree-nodes', `the tree has more than ${L.maxTreeNodes} nodes`);
    onPath.add(value);
    for (const k of keys) {
      if ((text += k.length) > L.maxText)
        return fail(path, 'max-size', `more than ${L.maxText} characters of text`);
      walk((value as Record<string, unknown>)[k], `${path}/${k}`, depth + 1);
    }
    onPath.delete(value);
  };
  walk(input, '', 0);
  return issue ? [issue] : [];
}
