// Open mode (answers without a code) used to have no limit at all: one address stored 2,741
// responses in 10 s. Code-less submissions are now limited per client per edition, and per edition.
import type { RequestHandler } from 'express';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { cachedEdition, requireEdition } from '#server/collection/editions.js';
import type { Db } from '#server/db/client.js';
import { clientKey, refused, sharedLimiter } from './store.js';
import { serverMessage } from '#server/http/messages.js';

export const OPEN_LIMITS = {
  /** Code-less responses per client per edition per window (a shared office computer, a family). */
  perClient: 5,
  /** Code-less responses per edition per window, all clients together. */
  perEdition: 2_000,
  windowSeconds: 3600,
};

const hasCode = (body: unknown): boolean => {
  const code = (body as { code?: unknown } | undefined)?.code;
  return code !== undefined && code !== null && code !== '';
};

export function openModeLimiter(
  db: Db,
  hasher: CodeHasher,
  opts: Partial<typeof OPEN_LIMITS> = {},
): RequestHandler {
  const limits = { ...OPEN_LIMITS, ...opts };
  const client = sharedLimiter(db, 'open-client', limits.perClient, limits.windowSeconds);
  const edition = sharedLimiter(db, 'open-edition', limits.perEdition, limits.windowSeconds);
  return async (req, res, next) => {
    if (hasCode(req.body)) return next();
    const slug = String(req.params.slug ?? '');
    // Only an edition in open mode spends the budget: on a code-only edition a code-less answer is refused as
    // code_required, and on an unknown slug as not found, by the route, at no cost to anyone's allowance.
    if (!(await inOpenMode(db, slug))) return next();
    try {
      await client.consume(`${slug}:${clientKey(req, hasher)}`);
      await edition.consume(slug);
    } catch (e) {
      refused(
        e,
        (minutes) => serverMessage('too_many_attempts.open_mode', { minutes }),
        (s) => res.set('Retry-After', s),
      );
    }
    next();
  };
}

// The cached edition answers for an edition in open mode; "not in open mode" is read again fresh, so an edition
// just switched to open mode is limited from its first code-less answer.
async function inOpenMode(db: Db, slug: string): Promise<boolean> {
  const known = await cachedEdition(db, slug).catch(() => undefined);
  if (known?.openMode) return true;
  return (await requireEdition(db, slug).catch(() => undefined))?.openMode === true;
}
