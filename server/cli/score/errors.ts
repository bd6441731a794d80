// Errors of the score command. An InputError points into a file (file:line:column: message, as compilers do, so
// editors can jump to it); a UsageError is a bad command line. Exit codes: 0 ok, 1 bad input file, 2 usage, 3 I/O.

import { formatFileProblem, type FileProblem } from '#api/file-problem.js';

export const EXIT = { ok: 0, input: 1, usage: 2, io: 3 } as const;

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(formatFileProblem({ file, line, column, message: detail }));
    this.name = 'InputError';
  }

  /** The problem in the shape every file reader reports (api/file-problem.ts). */
  get problem(): FileProblem {
    return { file: this.file, line: this.line, column: this.column, message: this.detail };
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Several InputErrors at once (a methodology can have many issues); the message lists one per line. */
export class InputErrors extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
  }
}
