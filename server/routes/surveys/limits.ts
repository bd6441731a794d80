import type { ErrorRequestHandler, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../../http/errors.js';

/** Rejected survey codes allowed per client (IP, or /56 for IPv6) per window before 429. */
export const CODE_ATTEMPTS = 20;
export const CODE_WINDOW_MS = 15 * 60 * 1000;
const REJECTED = new Set(['unknown_code', 'invalid_code']);

/**
 * Throttles code guessing: only requests whose code was rejected count, so a firm that types its
 * code right is never slowed down, and a form with validation errors is not mistaken for guessing.
 */
export function codeGuessLimiter(limit = CODE_ATTEMPTS): RequestHandler {
  return rateLimit({
    windowMs: CODE_WINDOW_MS,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    requestWasSuccessful: (_req, res) => res.locals.codeRejected !== true,
    skipSuccessfulRequests: true,
    handler: (_req, _res, next) =>
      next(
        new HttpError(429, 'too_many_attempts', {
          vi: 'Quá nhiều lần nhập mã khảo sát sai. Vui lòng thử lại sau 15 phút.',
          en: 'Too many wrong survey codes. Please try again in 15 minutes.',
        }),
      ),
  });
}

/** Marks a rejected code for the limiter, then passes the error on to the JSON error handler. */
export const markRejectedCode: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof HttpError && REJECTED.has(err.code)) res.locals.codeRejected = true;
  next(err);
};

export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
