import { interpretSchema } from './schema-interpreter.js';
import type { EditionContext, SurveyDefinition } from './types.js';
import { runValidation, type ResponseValidation, type ShapeCompiler } from './validate-run.js';

// The browser's validateResponse/validateDraft: the same pipeline and messages as validate.ts, with
// the response schema interpreted instead of compiled by Ajv, so no eval, no Ajv in the bundle.
const interpreter: ShapeCompiler = {
  id: 'interpreter',
  compile: (schema) => (data) => interpretSchema(schema, data),
};

export function validateResponseInterpreted(
  definition: SurveyDefinition,
  edition: EditionContext,
  response: unknown,
): ResponseValidation {
  return runValidation(interpreter, definition, edition, response, false);
}

export function validateDraftInterpreted(
  definition: SurveyDefinition,
  edition: EditionContext,
  draft: unknown,
): ResponseValidation {
  return runValidation(interpreter, definition, edition, draft, true);
}
