export interface Issue {
  /** JSON pointer into the methodology, e.g. /tree/children/2/weight. */
  path: string;
  /** Tree node label, e.g. "subindex transparency > indicator t3"; null outside the tree. */
  node: string | null;
  /** Stable rule identifier: a JSON Schema keyword (required, enum, …) or a semantic rule (unique-code, …). */
  rule: string;
  message: string;
}

export class MethodologyError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const shown = issues
      .slice(0, 5)
      .map((i) => `${i.path || '/'}${i.node ? ` (${i.node})` : ''}: ${i.message} [${i.rule}]`);
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    super(`invalid methodology: ${shown.join('; ')}${more}`);
    this.name = 'MethodologyError';
    this.issues = issues;
  }
}
