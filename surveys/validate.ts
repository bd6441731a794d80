import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { compileResponseSchema } from './compile.js';
import { inspectJson } from './guard.js';
import { responseErrors } from './response-errors.js';
import { prepare } from './prepare.js';
import { checkResponseRules } from './rules.js';
import type { EditionContext, LocatedError, SurveyDefinition } from './types.js';

export interface ResponseValidation {
  valid: boolean;
  errors: LocatedError[];
}

const RESPONSE_LIMITS = { maxDepth: 8, maxNodes: 20_000, maxStringLength: 500_000 };
const MAX_CACHED_EDITIONS = 16;

// ajv-formats is CommonJS; depending on the loader the plugin is the module or its default.
const formatsModule = ajvFormats as unknown as { default: unknown };
const addFormats = (typeof formatsModule.default === 'function' ? formatsModule.default : ajvFormats) as (
  ajv: Ajv2020,
  options: { formats: string[]; keywords: boolean },
) => void;

/**
 * Validates a submission: hostile JSON, then the compiled response schema (types, options,
 * scales, bounds, units of the edition, unknown keys), then the answer-dependent rules (required,
 * requiredIf, hidden items empty, ratings only for selected units), which run once the schema
 * passes. The definition must have passed checkDefinition.
 */
export function validateResponse(
  definition: SurveyDefinition,
  edition: EditionContext,
  response: unknown,
): ResponseValidation {
  return run(definition, edition, response, false);
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
  return run(definition, edition, draft, true);
}

function run(
  definition: SurveyDefinition,
  edition: EditionContext,
  input: unknown,
  draft: boolean,
): ResponseValidation {
  const hazard = inspectJson(input, RESPONSE_LIMITS);
  if (hazard) return { valid: false, errors: [hazard] };
  const validate = validator(definition, edition, draft);
  const errors: LocatedError[] = [];
  if (!validate(input)) errors.push(...responseErrors(definition, input, validate.errors as ErrorObject[]));
  // Rules run only on well-typed answers: conditions over an invalid answer would add misleading
  // required/hidden errors. The client runs the same code, so both layers surface while typing.
  if (!draft && errors.length === 0 && isObject(input))
    errors.push(...checkResponseRules(definition, edition, input));
  return { valid: errors.length === 0, errors };
}

function validator(definition: SurveyDefinition, edition: EditionContext, draft: boolean): ValidateFunction {
  const cache = prepare(definition).validators as Map<string, ValidateFunction>;
  const key = `${draft ? 'draft' : 'final'}:${editionKey(edition)}`;
  let validate = cache.get(key);
  if (!validate) {
    // Code generation uses new Function: fine on the server; in the browser it needs CSP
    // 'unsafe-eval' (see README).
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv, { formats: ['date'], keywords: true });
    validate = ajv.compile(compileResponseSchema(definition, edition, { draft }));
    if (cache.size >= MAX_CACHED_EDITIONS) cache.clear();
    cache.set(key, validate);
  }
  return validate;
}

function editionKey(edition: EditionContext): string {
  if (!edition || !isObject(edition.units)) throw new TypeError('edition context has no units');
  return JSON.stringify(
    Object.keys(edition.units)
      .sort()
      .map((block) => [block, edition.units[block]]),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
