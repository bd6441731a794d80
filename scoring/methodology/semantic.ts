import type { Issue } from './issue.js';
import { nodeLabel } from './node-label.js';
import { normaliserIssues } from './semantic-node.js';
import { tierIssues } from './semantic-tiers.js';
import type { AggregateNode, Methodology, MethodologyNode } from './types.js';

/** Rules JSON Schema cannot express. Assumes the value already matches the schema. */
export function semanticIssues(m: Methodology): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, rule: string, message: string) =>
    issues.push({ path, node: nodeLabel(m, path), rule, message });
  if (m.tree.type !== 'index') add('/tree/type', 'root-is-index', 'the root must be of type "index"');
  const seen = new Map<string, string>();
  const visit = (node: MethodologyNode, path: string, depth: number) => {
    const first = seen.get(node.code);
    if (first) add(`${path}/code`, 'unique-code', `code "${node.code}" is already used at ${first}`);
    else seen.set(node.code, path || '/tree');
    if (depth > 0 && node.type === 'index')
      add(`${path}/type`, 'index-only-at-root', 'only the root can be "index"');
    if (!(Number.isFinite(node.weight) && node.weight >= 0))
      add(`${path}/weight`, 'weight-nonnegative', 'weight must be ≥ 0');
    if (node.type === 'indicator') {
      for (const [sub, rule, message] of normaliserIssues(node)) add(`${path}${sub}`, rule, message);
      return;
    }
    aggregateIssues(node, path, add);
    node.children.forEach((child, k) => visit(child, `${path}/children/${k}`, depth + 1));
  };
  visit(m.tree, '/tree', 0);
  blockIssues(m, add);
  if (m.tiers) for (const [sub, rule, message] of tierIssues(m.tiers)) add(`/tiers${sub}`, rule, message);
  if (
    (m.imputation?.method === 'groupMean' || m.imputation?.method === 'groupMedian') &&
    !m.imputation.group
  ) {
    add('/imputation/group', 'imputation-needs-group', 'group imputation needs a grouping key');
  }
  if (m.scale && m.scale.from[0] === m.scale.from[1])
    add('/scale/from', 'scale-range', 'from must span a range');
  return issues;
}

type Add = (path: string, rule: string, message: string) => void;

function aggregateIssues(node: AggregateNode, path: string, add: Add) {
  if (node.aggregator === 'power' && !(Number.isFinite(node.p) && node.p !== 0)) {
    add(`${path}/p`, 'power-needs-p', 'aggregator "power" needs a non-zero exponent p');
  }
  if (node.aggregator !== 'power' && node.p !== undefined)
    add(`${path}/p`, 'p-only-for-power', 'p applies only to "power"');
  if (node.children.length > 0 && node.children.every((c) => !(c.weight > 0))) {
    add(`${path}/children`, 'weights-positive-sum', 'at least one child needs a weight > 0');
  }
}

function blockIssues(m: Methodology, add: Add) {
  const rootChildren = new Set(m.tree.children.map((c) => c.code));
  const codes = new Set<string>();
  m.blocks.forEach((block, b) => {
    if (codes.has(block.code))
      add(`/blocks/${b}/code`, 'unique-block', `block "${block.code}" is listed twice`);
    codes.add(block.code);
    const listed = new Set<string>();
    block.components?.forEach((code, k) => {
      if (!rootChildren.has(code)) {
        add(`/blocks/${b}/components/${k}`, 'component-exists', `"${code}" is not a child of the root`);
      }
      if (listed.has(code))
        add(`/blocks/${b}/components/${k}`, 'unique-component', `"${code}" is listed twice`);
      listed.add(code);
    });
  });
}
