import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, type Options } from 'express-rate-limit';
import { HttpError } from '#server/http/errors.js';

/** Rejected survey codes allowed per client (IP, or its /56 for IPv6) per window before 429. */
export const CODE_ATTEMPTS = 20;
export const CODE_WINDOW_MS = 15 * 60 * 1000;
const REJECTED = new Set(['unknown_code', 'invalid_code']);

export interface CodeGuessLimiter {
  /** Refuses a client that has used up its rejected-code allowance. */
  check: RequestHandler;
  /** Counts a rejected code against the client, then passes the error on. */
  record: ErrorRequestHandler;
}

/**
 * Throttles code guessing. Only rejected codes count: a firm that types its code right is never
 * slowed down, a form with validation errors is not mistaken for guessing, and many concurrent
 * good submissions from one office (one NAT address) do not trip the limit, as they would with
 * express-rate-limit's count-then-refund of successful requests. Its store and IP keying are reused.
 */
export function codeGuessLimiter(limit = CODE_ATTEMPTS): CodeGuessLimiter {
  const store = new MemoryStore();
  store.init({ windowMs: CODE_WINDOW_MS } as Options);
  const key = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');
  return {
    check: async (req, res, next) => {
      const info = await store.get(key(req));
      if (info && info.totalHits >= limit) {
        const seconds = Math.max(
          1,
          Math.ceil(((info.resetTime?.getTime() ?? Date.now() + CODE_WINDOW_MS) - Date.now()) / 1000),
        );
        res.set('Retry-After', String(seconds));
        throw new HttpError(429, 'too_many_attempts', {
          vi: `Quá nhiều lần nhập mã khảo sát sai. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`,
          en: `Too many wrong survey codes. Please try again in ${Math.ceil(seconds / 60)} minutes.`,
        });
      }
      next();
    },
    record: (err, req, _res, next) => {
      if (err instanceof HttpError && REJECTED.has(err.code)) {
        store.increment(key(req)).then(
          () => next(err),
          () => next(err),
        );
        return;
      }
      next(err);
    },
  };
}

export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
