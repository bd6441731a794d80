import { formatFileProblem, type FileProblem } from '#api/file-problem.js';

/** Thrown when a file has any problem; nothing has been written. */
export class ImportFailed extends Error {
  constructor(readonly issues: FileProblem[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.slice(0, 50).map(formatFileProblem).join('\n')}${issues.length > 50 ? `\n… and ${issues.length - 50} more` : ''}`,
    );
    this.name = 'ImportFailed';
  }
}

/** Collects issues while rows are checked, with small parsers that record what is wrong. */
export class IssueCollector {
  readonly issues: FileProblem[] = [];
  constructor(readonly file: string) {}

  add(line: number, column: string, message: string): void {
    this.issues.push({ file: this.file, line, column, message });
  }

  requireColumns(header: string[], required: readonly string[]): boolean {
    const missing = required.filter((c) => !header.includes(c));
    for (const c of missing) this.add(1, c, 'missing column');
    return missing.length === 0;
  }

  number(
    line: number,
    column: string,
    raw: string | undefined,
    opts: { optional?: boolean } = {},
  ): number | null {
    if (raw === undefined || raw === '') {
      if (!opts.optional) this.add(line, column, 'value is required');
      return null;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
      this.add(line, column, `not a number: "${raw.slice(0, 40)}"`);
      return null;
    }
    return n;
  }

  integer(line: number, column: string, raw: string | undefined, min: number, max: number): number | null {
    const n = this.number(line, column, raw);
    if (n === null) return null;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.add(line, column, `must be a whole number from ${min} to ${max} (got ${raw})`);
      return null;
    }
    return n;
  }

  text(line: number, column: string, raw: string | undefined): string | null {
    if (raw === undefined || raw === '') {
      this.add(line, column, 'value is required');
      return null;
    }
    return raw;
  }

  /** Reports a repeated key once per repeat, naming the line of the first occurrence. */
  unique(seen: Map<string, number>, key: string, line: number, column: string, what: string): void {
    const first = seen.get(key);
    if (first !== undefined) this.add(line, column, `duplicate ${what} (first at line ${first})`);
    else seen.set(key, line);
  }

  fail(): void {
    if (this.issues.length > 0) throw new ImportFailed(this.issues);
  }
}
