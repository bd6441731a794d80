import type { Logger } from 'pino';
import type { Db } from '#server/db/client.js';
import { isDatabaseUnavailable } from '#server/db/unavailable.js';
import { safeError } from '#server/http/error-handler.js';
import { purgeExpiredFirmData } from './firm-data.js';

const EVERY_MS = 6 * 3600_000;

/** Applies the firm-data retention rule at start and every 6 hours; `stop()` on shutdown. */
export function startRetentionJob(db: Db, retentionDays: number, logger: Logger): { stop(): void } {
  const run = () =>
    purgeExpiredFirmData(db, retentionDays).then(
      (n) => n > 0 && logger.info({ deleted: n, retentionDays }, 'firm data past retention deleted'),
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
