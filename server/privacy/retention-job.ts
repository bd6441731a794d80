import type { Logger } from 'pino';
import type { Db } from '#server/db/client.js';
import { isDatabaseUnavailable } from '#server/db/unavailable.js';
import { safeError } from '#server/http/error-handler.js';
import { compactSensitiveTables } from '#server/collection/mixer.js';
import { applyRetention, type RetentionPolicy } from './retention.js';

const EVERY_MS = 6 * 3600_000;

/** Applies every retention rule (retention.ts) at start and every 6 hours; `stop()` on shutdown. */
export function startRetentionJob(db: Db, policy: RetentionPolicy, logger: Logger): { stop(): void } {
  const pass = async () => {
    const counts = await applyRetention(db, policy);
    // Deleted pending rows shared a transaction with their code's claim: rewrite them out of the files.
    if (counts.pendingLeftovers > 0) await compactSensitiveTables(db);
    return counts;
  };
  const run = () =>
    pass().then(
      (counts) => {
        if (Object.values(counts).some((n) => n > 0)) logger.info({ ...counts, policy }, 'retention pass');
        if (counts.pendingLeftovers > 0)
          logger.warn(
            { deleted: counts.pendingLeftovers },
            'retention: deleted pending submissions that could not be stored (sealed under another CODE_SECRET)',
          );
      },
      (err: unknown) =>
        isDatabaseUnavailable(err)
          ? logger.warn('retention: database unavailable; next pass in 6 h')
          : logger.error({ err: safeError(err) }, 'retention pass failed'),
    );
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
