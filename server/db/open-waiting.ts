import { openDatabase, type Database, type DatabaseTarget } from './client.js';
import { isDatabaseUnavailable } from './unavailable.js';

/**
 * openDatabase, waiting for a PostgreSQL server that is not up yet (containers started together, a
 * database restarting) instead of exiting: retries every 2 s for `waitMs`, saying so through
 * `progress`. Any other error (wrong password, a locked data folder) is thrown at once.
 */
export async function openDatabaseWaiting(
  target: DatabaseTarget,
  progress: (message: string) => void,
  waitMs = 60_000,
): Promise<Database> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await openDatabase(target);
    } catch (e) {
      if (!('url' in target) || !isDatabaseUnavailable(e) || Date.now() > until) throw e;
      progress(`PostgreSQL is not reachable yet (${(e as Error).message.split('\n')[0]}); retrying in 2 s…`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
