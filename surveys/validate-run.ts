import { compileResponseSchema } from './compile.js';
import { inspectJson } from './guard.js';
import { prepare } from './prepare.js';
import { responseErrors, type SchemaErrorLike } from './response-errors.js';
import { checkResponseRules } from './rules.js';
import type { EditionContext, LocatedError, SurveyDefinition } from './types.js';

export interface ResponseValidation {
  valid: boolean;
  errors: LocatedError[];
}

/** Checks data against a compiled response schema; returns Ajv-shaped errors, empty when valid. */
export type ShapeCheck = (data: unknown) => SchemaErrorLike[];

/** Builds a ShapeCheck for a compiled response schema (Ajv on the server, the interpreter in the browser). */
export interface ShapeCompiler {
  /** Names the compiler in the per-definition cache, so two compilers never share a check. */
  id: string;
  compile(schema: Record<string, unknown>): ShapeCheck;
}

const RESPONSE_LIMITS = { maxDepth: 8, maxNodes: 20_000, maxStringLength: 500_000 };
const MAX_CACHED_EDITIONS = 16;

/**
 * The validation pipeline shared by server and browser: hostile JSON, then the compiled response
 * schema (types, options, scales, bounds, units of the edition, unknown keys), then the
 * answer-dependent rules (required, requiredIf, hidden items empty, ratings only for selected
 * units), which run once the schema passes and never for drafts.
 */
export function runValidation(
  compiler: ShapeCompiler,
  definition: SurveyDefinition,
  edition: EditionContext,
  input: unknown,
  draft: boolean,
): ResponseValidation {
  const hazard = inspectJson(input, RESPONSE_LIMITS);
  if (hazard) return { valid: false, errors: [hazard] };
  const shapeErrors = shapeCheck(compiler, definition, edition, draft)(input);
  const errors: LocatedError[] = [];
  if (shapeErrors.length > 0) errors.push(...responseErrors(definition, input, shapeErrors));
  // Rules run only on well-typed answers: conditions over an invalid answer would add misleading
  // required/hidden errors. The client runs the same code, so both layers surface while typing.
  if (!draft && errors.length === 0 && isObject(input))
    errors.push(...checkResponseRules(definition, edition, input));
  return { valid: errors.length === 0, errors };
}

function shapeCheck(
  compiler: ShapeCompiler,
  definition: SurveyDefinition,
  edition: EditionContext,
  draft: boolean,
): ShapeCheck {
  const cache = prepare(definition).validators as Map<string, ShapeCheck>;
  const key = `${compiler.id}:${draft ? 'draft' : 'final'}:${editionKey(edition)}`;
  let check = cache.get(key);
  if (!check) {
    check = compiler.compile(compileResponseSchema(definition, edition, { draft }));
    if (cache.size >= MAX_CACHED_EDITIONS) cache.clear();
    cache.set(key, check);
  }
  return check;
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
