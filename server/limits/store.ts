// Abuse limits live in the database (table rate_limits), so every app instance behind a load
// balancer sees the same counters; rate-limiter-flexible's Drizzle store runs on PGlite and on a
// PostgreSQL server alike (an atomic INSERT … ON CONFLICT DO UPDATE per hit).
import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { CodeHasher } from '#server/collection/code-hash.js';
import type { Db } from '#server/db/client.js';
import { rateLimits } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import type { Localized } from '#api/text.js';

export type Limiter = RateLimiterDrizzle;

/** `points` hits per `seconds`, under `name`, shared through the database. */
export function sharedLimiter(db: Db, name: string, points: number, seconds: number): Limiter {
  return new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: name,
    points,
    duration: seconds,
  });
}

/**
 * The client, as Express sees it through TRUST_PROXY (an IPv6 address counts as its /56), under a
 * keyed hash: client addresses are personal data and are never stored in the clear.
 */
export const clientKey = (req: Request, hasher: CodeHasher): string =>
  hasher.code(`client-address:${ipKeyGenerator(req.ip ?? 'unknown')}`).slice(0, 32);

/** A 429 with Retry-After from a refused consume(); anything else (the database is down) rethrown. */
export function refused(
  res: unknown,
  message: (minutes: number) => Localized,
  setHeader: (s: string) => void,
): never {
  if (!(res instanceof RateLimiterRes)) throw res;
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  setHeader(String(seconds));
  throw new HttpError(429, 'too_many_attempts', message(Math.ceil(seconds / 60)));
}
