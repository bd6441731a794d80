// The named export: under NodeNext the default import of this CommonJS module is not constructable.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { guardIssues } from './guard.js';
import type { Issue } from './issue.js';
import { nodeLabel } from './node-label.js';
import schema from './schema.json' with { type: 'json' };

let validate: ValidateFunction | null = null;

/**
 * Structural checks: first the size caps of guard.ts (cycles, depth, values, array length, keys, text, tree
 * nodes) before Ajv sees the value, then the JSON Schema. Ajv's if/then wrappers are dropped from the report.
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
