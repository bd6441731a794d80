import { checkCodes } from './check/codes.js';
import { checkConditions } from './check/conditions.js';
import { checkScales } from './check/scales.js';
import { checkStructure } from './check/structure.js';
import { checkText } from './check/text.js';
import { inspectJson } from './guard.js';
import type { LocatedError, SurveyDefinition } from './types.js';

// Explicit caps, so the check stays linear in the input: no array in the schema may hold more than
// 300 items, so a longer one is refused before Ajv (allErrors) would report each extra item.
const DEFINITION_LIMITS = {
  maxDepth: 16,
  maxNodes: 200_000,
  maxStringLength: 2_000_000,
  maxArrayLength: 1000,
};

/**
 * Every problem with a survey definition, located by JSON pointer: hostile JSON first, then the
 * JSON Schema, then (only when the shape is right) the semantic rules. An empty array means the
 * input is a valid SurveyDefinition.
 */
export function checkDefinition(input: unknown): LocatedError[] {
  const hazard = inspectJson(input, DEFINITION_LIMITS);
  if (hazard) return [hazard];
  const structure = checkStructure(input);
  if (structure.length > 0) return structure;
  const definition = input as SurveyDefinition;
  return [
    ...checkCodes(definition),
    ...checkScales(definition),
    ...checkText(definition),
    ...checkConditions(definition),
  ];
}

/** Narrows checked input to a SurveyDefinition, throwing a TypeError that lists the problems. */
export function assertDefinition(input: unknown): asserts input is SurveyDefinition {
  const errors = checkDefinition(input);
  if (errors.length > 0) {
    const list = errors.map((e) => `${e.path || '/'}: ${e.message.en}`).join('; ');
    throw new TypeError(`invalid survey definition: ${list}`);
  }
}
