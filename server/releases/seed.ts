import type { Db } from '#server/db/client.js';
import { publishServiceDemoReleases } from '#server/monthly/publish.js';
import { publishDemoReleases } from '#server/publish/demo.js';
import { publishImportedEditions } from './publish-imported.js';
import type { SigningKey } from './signing.js';

/**
 * First start: the shipped PCI history becomes releases "imported from the published source", and
 * the demo DDCI editions and the demo service centres' monthly editions are scored and published.
 * Editions that already have releases are left alone.
 */
export async function publishShippedReleases(
  db: Db,
  key: SigningKey,
  progress: (m: string) => void = () => {},
): Promise<void> {
  const pci = await publishImportedEditions(db, key, 'pci');
  if (pci.length > 0)
    progress(
      `Published PCI ${pci[0]!.document.edition}–${pci.at(-1)!.document.edition} as ${pci.length} imported releases`,
    );
  await publishDemoReleases(db, key, progress);
  await publishServiceDemoReleases(db, key, progress);
}
