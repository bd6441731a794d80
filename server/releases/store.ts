import { asc } from 'drizzle-orm';
import type { ReleaseDocument } from '#api/releases.js';
import type { Db } from '#server/db/client.js';
import { releases } from '#server/db/schema/index.js';
import { ReleaseSet } from './release-set.js';

/** Every stored release, as the public views read them. */
export async function loadReleaseSet(db: Db): Promise<ReleaseSet> {
  const rows = await db
    .select({
      document: releases.document,
      sha256: releases.sha256,
      signature: releases.signature,
      keyFingerprint: releases.keyFingerprint,
    })
    .from(releases)
    .orderBy(asc(releases.year), asc(releases.sequence));
  return new ReleaseSet(
    rows.map((r) => ({
      document: JSON.parse(r.document) as ReleaseDocument,
      text: r.document,
      sha256: r.sha256,
      signature: r.signature,
      keyFingerprint: r.keyFingerprint,
    })),
  );
}
