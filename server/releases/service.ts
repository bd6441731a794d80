import type { Db } from '#server/db/client.js';
import { exportStatic } from './export.js';
import { PublicFileCache } from './file-cache.js';
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
}

export function createReleaseService(db: Db, key: SigningKey, publicDir: string): ReleaseService {
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
    refresh: () => serial(() => exportStatic(db, publicDir, key)),
  };
  return service;
}
