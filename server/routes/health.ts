import { Router } from 'express';
import type { Database } from '#server/db/client.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';
import { isDatabaseBusy } from '#server/db/unavailable.js';

/** Liveness (the process answers) and readiness (the database answers; 503 with Retry-After if not). */
export function healthRoutes(database: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      // Bounded: a database that hangs (network partition) must not hang the probe too.
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), 2000).unref()),
      ]);
    } catch (err) {
      // Every pooled connection in use past the wait: overload, not an outage (README, DATABASE_POOL_WAIT_MS).
      if (isDatabaseBusy(err) || database.saturated?.() === true)
        throw new HttpError(503, 'database_busy', serverMessage('database_busy.health'));
      throw new HttpError(503, 'database_unavailable', serverMessage('database_unavailable.health'));
    }
    res.json({ status: 'ready', database: database.kind });
  });
  return router;
}
