import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed sign-ins per client address per window (successful ones do not count). */
export const LOGIN_ATTEMPTS = 20;

/**
 * Per-address throttle in front of the per-account lockout (server/auth/login.ts): the lockout
 * stops guessing one account's password, this stops one client spraying many accounts.
 */
export function loginLimiter(limit = LOGIN_ATTEMPTS): RequestHandler {
  return rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new HttpError(429, 'too_many_attempts', serverMessage('too_many_attempts.login'))),
  });
}
