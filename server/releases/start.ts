import type { Db } from '#server/db/client.js';
import { releaseSettings } from './config.js';
import { publishShippedReleases } from './seed.js';
import { createReleaseService, type ReleaseService } from './service.js';
import { loadOrCreateSigningKey } from './signing.js';

/**
 * At start: loads (or creates) the signing key, publishes the shipped data as releases when seeding,
 * and rewrites the static export the public API serves.
 */
export async function startReleases(
  db: Db,
  config: { dataDir: string; seed: boolean; publicUrl?: string | undefined },
  progress: (m: string) => void,
): Promise<ReleaseService> {
  const settings = releaseSettings(config.dataDir);
  const key = loadOrCreateSigningKey(settings.keyFile);
  progress(`Release-signing key ${settings.keyFile} (Ed25519, fingerprint ${key.fingerprint})`);
  const releases = createReleaseService(db, key, settings.publicDir, { publicUrl: config.publicUrl });
  if (config.seed) await publishShippedReleases(db, key, progress);
  const written = await releases.refresh();
  // Releases published by another process (npm run score against a PostgreSQL server) appear within a minute.
  releases.watch(30_000);
  progress(`Public data: ${written.releases} releases, ${written.files} files in ${settings.publicDir}`);
  return releases;
}
