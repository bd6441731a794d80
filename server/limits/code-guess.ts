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

/** How long a client's wrong-code count read from the database is reused before it is read again. */
export const COUNT_REUSE_MS = 60_000;
const MAX_CLIENTS = 10_000;

/**
 * This instance's view of each client's wrong-code count, so that a right code costs no read of the
 * counter: a count is reused for COUNT_REUSE_MS (and never past its window), and every wrong code
 * counted here replaces it with the shared total that the atomic increment returns. So guessing
 * stops at the limit as before, across instances too (an instance lets at most one wrong code
 * through on a stale count, and then holds the total); only a right code may pass this instance's
 * limiter for up to COUNT_REUSE_MS after the client was locked out elsewhere.
 */
function countView() {
  const known = new Map<string, { points: number; until: number }>();
  return {
    get: (key: string) => {
      const hit = known.get(key);
      if (hit && hit.until > Date.now()) return hit.points;
      known.delete(key);
      return undefined;
    },
    set: (key: string, points: number, msBeforeNext: number) => {
      known.delete(key);
      if (known.size >= MAX_CLIENTS) known.delete(known.keys().next().value!);
      known.set(key, { points, until: Date.now() + Math.min(COUNT_REUSE_MS, msBeforeNext) });
    },
  };
}

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
  const view = countView();
  const counted = async (key: string) => {
    const seen = view.get(key);
    if (seen !== undefined) return seen;
    const count = await wrong.get(key);
    const points = count?.consumedPoints ?? 0;
    view.set(key, points, count?.msBeforeNext ?? limits.windowSeconds * 1000);
    return points;
  };
  return {
    check: async (req, res, next) => {
      const key = clientKey(req, hasher);
      if ((await counted(key)) < limits.attempts) return next();
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
      const key = clientKey(req, hasher);
      wrong.penalty(key).then(
        (total) => {
          view.set(key, total.consumedPoints, total.msBeforeNext);
          next(err);
        },
        () => next(err),
      );
    },
  };
}
