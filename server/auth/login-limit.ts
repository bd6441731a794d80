// The per-address sign-in limit lives in the database (server/limits/), so every app instance
// behind a load balancer sees the same count and a restart does not reset it.
import type { Request, RequestHandler } from 'express';
import type { CodeHasher } from '#server/collection/code-hash.js';
import type { Db } from '#server/db/client.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';
import { clientKey, refused, sharedLimiter } from '#server/limits/store.js';

export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins per client address per window (successful ones do not count). */
export const LOGIN_ATTEMPTS = 20;

/** What counts against the address: a wrong name or password, or a try on a locked account. */
const FAILED = new Set(['login_failed', 'account_locked']);

export interface LoginLimiter {
  /** Refuses a client that failed `limit` times in the window (429 with Retry-After). */
  check: RequestHandler;
  /** Counts `err` against the client when it is a failed sign-in. */
  record: (req: Request, err: unknown) => Promise<void>;
}

/**
 * Per-address throttle in front of the per-account lockout (server/auth/login.ts): the lockout
 * stops guessing one account's password, this stops one client spraying many accounts.
 */
export function loginLimiter(db: Db, hasher: CodeHasher, limit = LOGIN_ATTEMPTS): LoginLimiter {
  const failed = sharedLimiter(db, 'login', limit, LOGIN_WINDOW_SECONDS);
  return {
    check: async (req, res, next) => {
      const count = await failed.get(clientKey(req, hasher));
      if (count && count.consumedPoints >= limit)
        refused(
          count,
          (minutes) => serverMessage('too_many_attempts.login', { minutes }),
          (s) => res.set('Retry-After', s),
        );
      next();
    },
    record: async (req, err) => {
      if (err instanceof HttpError && FAILED.has(err.code)) await failed.penalty(clientKey(req, hasher));
    },
  };
}
