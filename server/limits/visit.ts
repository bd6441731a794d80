// Visits through a centre token have no code, so they are limited like open mode, but per centre:
// per client address and centre, and per centre for all clients together, through the shared
// database limiter. See README.md ("Visits at service centres") for the sizes.
import type { Request, Response } from 'express';
import type { CodeHasher } from '#server/collection/code-hash.js';
import type { Db } from '#server/db/client.js';
import { serverMessage } from '#server/http/messages.js';
import { clientKey, refused, sharedLimiter } from './store.js';

export const VISIT_LIMITS = {
  /** Phone answers per address per centre per window (a centre's guest Wi-Fi puts many visitors behind one address). */
  perClient: 30,
  /** Answers per kiosk tablet (its address) per centre per window: one visitor every 30 s. */
  perKiosk: 120,
  /** Answers per centre per window, all addresses together: above the busiest provincial centre's hour. */
  perCentre: 300,
  windowSeconds: 3600,
};

/** Counts the visit; resolves to this address's count of visits to the centre in the window. */
export type VisitLimiter = (
  req: Request,
  res: Response,
  place: { key: string; kiosk: boolean },
) => Promise<number>;

export function visitLimiter(
  db: Db,
  hasher: CodeHasher,
  opts: Partial<typeof VISIT_LIMITS> = {},
): VisitLimiter {
  const limits = { ...VISIT_LIMITS, ...opts };
  const phone = sharedLimiter(db, 'visit-client', limits.perClient, limits.windowSeconds);
  const kiosk = sharedLimiter(db, 'visit-kiosk', limits.perKiosk, limits.windowSeconds);
  const centre = sharedLimiter(db, 'visit-centre', limits.perCentre, limits.windowSeconds);
  return async (req, res, place) => {
    try {
      const mine = await (place.kiosk ? kiosk : phone).consume(`${place.key}:${clientKey(req, hasher)}`);
      await centre.consume(place.key);
      return mine.consumedPoints;
    } catch (e) {
      refused(
        e,
        (minutes) => serverMessage('too_many_attempts.visits', { minutes }),
        (s) => res.set('Retry-After', s),
      );
    }
  };
}
