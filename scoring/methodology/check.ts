import { shapeIssues } from './check-shape.js';
import { MethodologyError, type Issue } from './issue.js';
import { semanticIssues } from './semantic.js';
import type { Methodology } from './types.js';

export { MethodologyError, type Issue };

/** Every problem of a methodology (schema first; semantic rules only once the shape is right). [] when valid. */
export function methodologyIssues(input: unknown): Issue[] {
  const shape = shapeIssues(input);
  return shape.length > 0 ? shape : semanticIssues(input as Methodology);
}

/** Returns the input typed as a Methodology, or throws a MethodologyError listing every issue with its path. */
export function checkMethodology(input: unknown): Methodology {
  const issues = methodologyIssues(input);
  if (issues.length > 0) throw new MethodologyError(issues);
  return input as Methodology;
}
