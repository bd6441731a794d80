// Methodology JSON → checked Methodology, with every problem reported as file:line:column.

import { checkMethodology, MethodologyError } from '#scoring/methodology/check.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { InputError, InputErrors } from './errors.js';
import { jsonPositions, positionAt } from './json-position.js';

const MAX_BYTES = 5_000_000;

/** parseMethodology(text, file) throws InputError (the first problem; the rest are in `more`). */
export function parseMethodology(text: string, file: string): Methodology {
  if (text.length > MAX_BYTES) throw new InputError(file, 1, 1, `file is larger than ${MAX_BYTES} bytes`);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    const offset = /position (\d+)/.exec((e as Error).message)?.[1];
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    const { line, column } = positionAt(starts, offset === undefined ? 0 : Number(offset));
    throw new InputError(file, line, column, `invalid JSON: ${(e as Error).message}`);
  }
  try {
    return checkMethodology(input);
  } catch (e) {
    if (!(e instanceof MethodologyError)) throw e;
    const positions = jsonPositions(text);
    const errors = e.issues.map((issue) => {
      let pointer = issue.path;
      while (!positions.has(pointer) && pointer !== '') pointer = pointer.slice(0, pointer.lastIndexOf('/'));
      const { line, column } = positions.get(pointer) ?? { line: 1, column: 1 };
      const node = issue.node ? ` (${issue.node})` : '';
      return new InputError(
        file,
        line,
        column,
        `${issue.path || '/'}${node}: ${issue.message} [${issue.rule}]`,
      );
    });
    throw new InputErrors(errors);
  }
}
