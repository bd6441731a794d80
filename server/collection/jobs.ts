import type { Logger } from 'pino';
import type { Db } from '#server/db/client.js';
import { isDatabaseUnavailable } from '#server/db/unavailable.js';
import { safeError } from '#server/http/error-handler.js';
import type { CodeHasher } from './code-hash.js';
import { purgeDrafts } from './drafts.js';
import { compactSensitiveTables, runMixer, type MixerSettings } from './mixer.js';

export interface CollectionJobSettings extends MixerSettings {
  /** Seconds between passes of the mixer and the draft purge. */
  intervalSeconds: number;
  /** Drafts unchanged this many days are purged. */
  draftIdleDays: number;
}

export interface CollectionJobs {
  /** One pass now (also what the timer runs); passes never overlap. */
  runOnce(): Promise<{ mixed: number[]; purged: number }>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * The in-app scheduled job of survey collection: mixes pending submissions into responses and
 * purges idle and closed drafts, then rewrites the tables that held them. It runs once at start,
 * so submissions acknowledged before a crash or restart are stored, then every interval.
 */
export function startCollectionJobs(
  db: Db,
  hasher: CodeHasher,
  settings: CollectionJobSettings,
  logger?: Logger,
): CollectionJobs {
  let running: Promise<{ mixed: number[]; purged: number }> | undefined;
  // VACUUM FULL keeps deleted rows that an open snapshot may still see (on a server, an
  // autovacuum ANALYZE is enough), so the pass after a mix or purge rewrites the tables once more;
  // so does the first pass, since a crash may have left dead rows behind.
  let rewriteAgain = true;
  const pass = async () => {
    const mix = await runMixer(db, hasher, settings, { compact: false });
    const purged = await purgeDrafts(db, settings.draftIdleDays);
    const changed = mix.batches.length > 0 || purged > 0;
    if (changed || rewriteAgain) await compactSensitiveTables(db);
    rewriteAgain = changed;
    if (mix.unreadable.length > 0)
      logger?.warn(
        { editions: mix.unreadable },
        'pending submissions sealed under another CODE_SECRET cannot be mixed; restore the secret they were accepted under',
      );
    if (mix.batches.length > 0 || purged > 0)
      logger?.info({ batches: mix.batches, draftsPurged: purged }, 'collection: mixed pending submissions');
    return { mixed: mix.batches, purged };
  };
  const runOnce = () =>
    (running ??= pass().finally(() => {
      running = undefined;
    }));
  const tick = () => {
    // safeError: a failed query's message may quote its parameters (code hashes, sealed answers).
    runOnce().catch((err: unknown) => {
      const lost = isDatabaseUnavailable(err);
      logger?.[lost ? 'warn' : 'error'](
        { err: safeError(err) },
        lost
          ? 'collection job: database unavailable; retrying next interval'
          : 'collection job failed; retrying next interval',
      );
    });
  };
  const timer = setInterval(tick, settings.intervalSeconds * 1000);
  timer.unref();
  tick();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
