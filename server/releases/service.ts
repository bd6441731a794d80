import { count, max } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { releases } from '#server/db/schema/index.js';
import { exportStatic } from './export.js';
import { PublicFileCache } from './file-cache.js';
import type { ExportOptions } from './public-files.js';
import { publishRelease, type Published, type ReleaseDraft } from './publish.js';
import type { SigningKey } from './signing.js';

/** What the app needs of releases: the key, the export folder it serves, and publish + re-export. */
export interface ReleaseService {
  key: SigningKey;
  publicDir: string;
  files: PublicFileCache;
  /** Publishes (one transaction) and then rewrites the static export the public reads. */
  publish(draft: ReleaseDraft): Promise<Published>;
  /** Rewrites the static export from the releases in the database. */
  refresh(): Promise<{ files: number; releases: number }>;
  /**
   * Rewrites the export when releases appear that another process published (the score command
   * against a PostgreSQL server); checks every `ms`. A failed check (database down) is skipped.
   */
  watch(ms: number): () => void;
}

export function createReleaseService(
  db: Db,
  key: SigningKey,
  publicDir: string,
  options: ExportOptions = {},
): ReleaseService {
  // One export at a time: each rewrites the whole folder from the database.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => {});
    return next;
  };
  const service: ReleaseService = {
    key,
    publicDir,
    files: new PublicFileCache(publicDir),
    async publish(draft) {
      const published = await publishRelease(db, key, draft);
      await service.refresh();
      return published;
    },
    refresh: () => serial(() => exportStatic(db, publicDir, key, options)),
    watch(ms) {
      let seen: string | undefined;
      const state = async () => {
        const [row] = await db.select({ n: count(), last: max(releases.publishedAt) }).from(releases);
        return `${row?.n}|${row?.last}`;
      };
      const tick = async () => {
        const now = await state();
        if (seen !== undefined && now !== seen) await service.refresh();
        seen = now;
      };
      void tick().catch(() => {});
      const timer = setInterval(() => void tick().catch(() => {}), ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return service;
}
