// The wrong-code limit, sized from the code space (see README.md in this folder): generous enough
// that an office behind one address never meets it through typos, and even past it a correct code
// still gets through the slow lane, so nobody with a real code is locked out.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { CodeHasher } from '#server/collection/code-hash.js';
import type { Db } from '#server/db/client.js';
import { clientKey, refused, sharedLimiter } from './store.js';
import { serverMessage } from '#server/http/messages.js';

export const CODE_LIMITS = {
  /** Wrong codes per client per window before the slow lane. */
  attempts: 100,
  windowSeconds: 3600,
  /** Past the limit: one code check per client per this many seconds. */
  slowLaneSeconds: 10,
};

const REJECTED = new Set(['unknown_code', 'invalid_code']);

export interface CodeGuessLimiter {
  /** Lets a client through below the limit, or through the slow lane past it; else 429. */
  check: RequestHandler;
  /** Counts a rejected code against the client, then passes the error on. */
  record: ErrorRequestHandler;
}

export function codeGuessLimiter(
  db: Db,
  hasher: CodeHasher,
  opts: Partial<typeof CODE_LIMITS> = {},
): CodeGuessLimiter {
  const limits = { ...CODE_LIMITS, ...opts };
  const wrong = sharedLimiter(db, 'wrong-code', limits.attempts, limits.windowSeconds);
  const slow = sharedLimiter(db, 'wrong-code-slow', 1, limits.slowLaneSeconds);
  return {
    check: async (req, res, next) => {
      const key = clientKey(req, hasher);
      const count = await wrong.get(key);
      if (!count || count.consumedPoints < limits.attempts) return next();
      try {
        await slow.consume(key);
      } catch (e) {
        refused(
          e,
          (minutes) => serverMessage('too_many_attempts.codes', { minutes }),
          (s) => res.set('Retry-After', s),
        );
      }
      next();
    },
    record: (err, req, _res, next) => {
      if (!(err instanceof Error && 'code' in err && REJECTED.has(String(err.code)))) return next(err);
      wrong.penalty(clientKey(req, hasher)).then(
        () => next(err),
        () => next(err),
      );
    },
  };
}
