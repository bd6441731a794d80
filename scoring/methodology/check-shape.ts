// The named export: under NodeNext the default import of this CommonJS module is not constructable.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Issue } from './issue.js';
import { nodeLabel } from './node-label.js';
import schema from './schema.json' with { type: 'json' };

const MAX_DEPTH = 64;
const MAX_NODES = 100_000;

let validate: ValidateFunction | null = null;

/**
 * Structural checks: first a walk that rejects cycles (possible in JS input, never in JSON), excessive depth and
 * size before Ajv sees the value, then the JSON Schema. Ajv's if/then wrappers are dropped from the report.
 */
export function shapeIssues(input: unknown): Issue[] {
  const guard = guardIssues(input);
  if (guard.length > 0) return guard;
  validate ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  if (validate(input)) return [];
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const extra = e.params as {
        additionalProperty?: string;
        missingProperty?: string;
        allowedValues?: unknown[];
      };
      const path = e.instancePath + (extra.additionalProperty ? `/${extra.additionalProperty}` : '');
      let message = e.message ?? 'is invalid';
      if (extra.additionalProperty) message = `unknown property "${extra.additionalProperty}"`;
      if (extra.allowedValues) message += `: ${extra.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      return { path, node: nodeLabel(input, path), rule: e.keyword, message };
    });
}

function guardIssues(input: unknown): Issue[] {
  const onPath = new Set<object>();
  let count = 0;
  let issue: Issue | null = null;
  const walk = (value: unknown, path: string, depth: number): void => {
    if (issue || value === null || typeof value !== 'object') return;
    if (++count > MAX_NODES)
      issue = { path, node: null, rule: 'max-size', message: `more than ${MAX_NODES} values` };
    else if (depth > MAX_DEPTH)
      issue = { path, node: null, rule: 'max-depth', message: `nested deeper than ${MAX_DEPTH}` };
    else if (onPath.has(value))
      issue = { path, node: null, rule: 'no-cycles', message: 'refers back to an ancestor' };
    if (issue) return;
    onPath.add(value);
    for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`, depth + 1);
    onPath.delete(value);
  };
  walk(input, '', 0);
  return issue ? [issue] : [];
}
