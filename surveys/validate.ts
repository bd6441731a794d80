import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import type { EditionContext, SurveyDefinition } from './types.js';
import { runValidation, type ResponseValidation, type ShapeCompiler } from './validate-run.js';

export type { ResponseValidation } from './validate-run.js';

// ajv-formats is CommonJS; depending on the loader the plugin is the module or its default.
const formatsModule = ajvFormats as unknown as { default: unknown };
const addFormats = (typeof formatsModule.default === 'function' ? formatsModule.default : ajvFormats) as (
  ajv: Ajv2020,
  options: { formats: string[]; keywords: boolean },
) => void;

// Code generation uses new Function: fine on the server. The browser uses validate-interpreted.ts,
// which gives the same errors without eval (see README, "In the browser").
const ajvCompiler: ShapeCompiler = {
  id: 'ajv',
  compile(schema) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv, { formats: ['date'], keywords: true });
    const validate = ajv.compile(schema);
    return (data) => (validate(data) ? [] : (validate.errors as ErrorObject[]));
  },
};

/**
 * Validates a submission (see runValidation) with Ajv-compiled response schemas.
 * The definition must have passed checkDefinition.
 */
export function validateResponse(
  definition: SurveyDefinition,
  edition: EditionContext,
  response: unknown,
): ResponseValidation {
  return runValidation(ajvCompiler, definition, edition, response, false);
}

/**
 * Validates a saved draft: types, options, bounds and unit codes only; nothing is required and
 * visibility is not enforced, so a half-filled form always saves.
 */
export function validateDraft(
  definition: SurveyDefinition,
  edition: EditionContext,
  draft: unknown,
): ResponseValidation {
  return runValidation(ajvCompiler, definition, edition, draft, true);
}
