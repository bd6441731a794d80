// Text that a browser can produce but PostgreSQL cannot store — NUL (U+0000, refused in text and
// jsonb) and unpaired UTF-16 surrogates (a truncated emoji, which no UTF-8 can encode) — used to
// reach the database and come back as a 500, leaving the respondent unable to submit. Here it is
// refused at the edge, for every JSON body, with a 422 naming each field in both languages.
import type { RequestHandler } from 'express';
import type { FieldError } from '#api/errors.js';
import type { Localized } from '#api/text.js';
import { HttpError } from './errors.js';
import { serverMessage } from './messages.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored as text, or null when it can. */
export function textProblem(s: string): 'nul_character' | 'unpaired_surrogate' | null {
  if (s.includes('\u0000')) return 'nul_character';
  if (LONE_SURROGATE.test(s)) return 'unpaired_surrogate';
  return null;
}

export const TEXT_MESSAGES: Record<'nul_character' | 'unpaired_surrogate', Localized> = {
  nul_character: serverMessage('nul_character'),
  unpaired_surrogate: serverMessage('unpaired_surrogate'),
};

const pointer = (parent: string, key: string): string =>
  `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** Every string (value or key) in a parsed JSON value that cannot be stored, as field errors. */
export function findBadText(value: unknown, limit = Infinity): { errors: FieldError[]; total: number } {
  const errors: FieldError[] = [];
  let total = 0;
  const report = (path: string, problem: keyof typeof TEXT_MESSAGES): void => {
    total++;
    if (errors.length < limit)
      errors.push({ path: path || '/', code: problem, message: TEXT_MESSAGES[problem] });
  };
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) report(path, problem);
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const child = pointer(path, key);
        const keyProblem = textProblem(key);
        if (keyProblem) report(child, keyProblem);
        stack.push([(node as Record<string, unknown>)[key], child]);
      }
    }
  }
  return { errors, total };
}

/** 422 for a JSON body holding text that cannot be stored; runs after express.json(). */
export const textGuard: RequestHandler = (req, _res, next) => {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
  // All of them: the error middleware lists the first 100 and counts the rest in `total`.
  const { errors, total } = findBadText(req.body);
  if (total === 0) return next();
  const first = errors[0]!;
  throw new HttpError(
    422,
    'invalid_text',
    serverMessage('invalid_text', { total, path: first.path, first: first.message }),
    errors,
  );
};
