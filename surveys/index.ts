// Public API of the surveys package (see README.md). Server and client import from here.
export type * from './types.js';
export type { ConditionNode, ValueNode, CompareOp } from './conditions/ast.js';
export type { ConditionContext } from './conditions/evaluate.js';
export type { CompatibilityCode, CompatibilityIssue } from './compatibility.js';
export type { CompileOptions } from './compile.js';
export type { ResponseValidation } from './validate.js';
export { assertDefinition, checkDefinition } from './check.js';
export { checkCompatibility } from './compatibility.js';
export { compileResponseSchema } from './compile.js';
export { evaluateCondition } from './conditions/evaluate.js';
export { ConditionSyntaxError, parseCondition } from './conditions/parse.js';
export { conditionReferences } from './conditions/references.js';
export { message, messageCodes } from './messages.js';
export { ddciDemo2023, ddciDemo2024, ddciDemo2025, shippedDefinitions } from './shipped.js';
export { validateDraft, validateResponse } from './validate.js';
export { questionSites, resolveScale, unitSelectors } from './walk.js';
