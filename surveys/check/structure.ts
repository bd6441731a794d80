// The named export: under NodeNext the default import of this CommonJS module is not constructable.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import definitionSchema from '#surveys/schema/definition.schema.json' with { type: 'json' };
import { message } from '#surveys/messages.js';
import type { LocatedError } from '#surveys/types.js';
import { pointerSegment } from '#surveys/walk.js';

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validator) {
    validator = new Ajv2020({ strict: true, allErrors: true, discriminator: true }).compile(definitionSchema);
  }
  return validator;
}

/** Errors from the definition JSON Schema, one per problem, located by JSON pointer. */
export function checkStructure(input: unknown): LocatedError[] {
  const validate = compiled();
  if (validate(input)) return [];
  return collapse(validate.errors ?? []).map(toLocated);
}

// An anyOf failure also reports each branch's failure at the same place; keep only the anyOf.
// Grouped by instance path, so the work is linear in the number of errors (it was errors × anyOfs).
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const anyOfAt = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf') continue;
    const prefixes = anyOfAt.get(e.instancePath) ?? [];
    prefixes.push(e.schemaPath.slice(0, -'anyOf'.length));
    anyOfAt.set(e.instancePath, prefixes);
  }
  return errors.filter(
    (e) =>
      e.keyword === 'anyOf' || !(anyOfAt.get(e.instancePath) ?? []).some((p) => e.schemaPath.startsWith(p)),
  );
}

function toLocated(e: ErrorObject): LocatedError {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return {
        path: `${e.instancePath}/${pointerSegment(name)}`,
        code: 'unknown_property',
        message: message('unknown_property', { name }),
      };
    }
    case 'required': {
      const name = String(params.missingProperty);
      return {
        path: `${e.instancePath}/${pointerSegment(name)}`,
        code: 'missing_property',
        message: message('missing_property', { name }),
      };
    }
    case 'discriminator':
      if (params.error === 'mapping') {
        const value = String(params.tagValue);
        return {
          path: `${e.instancePath}/type`,
          code: 'unknown_question_type',
          message: message('unknown_question_type', { value }),
        };
      }
      return {
        path: `${e.instancePath}/type`,
        code: 'missing_property',
        message: message('missing_property', { name: 'type' }),
      };
    default:
      return {
        path: e.instancePath,
        code: 'invalid_value',
        message: message('invalid_value', { detail: e.message ?? e.keyword }),
      };
  }
}
