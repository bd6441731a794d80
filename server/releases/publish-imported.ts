import { and, asc, eq, notExists } from 'drizzle-orm';
import type { ReleaseOrigin } from '#api/releases.js';
import type { Db } from '#server/db/client.js';
import { editions, families, releases } from '#server/db/schema/index.js';
import { importedBlocks, importedMethodology } from './build-imported.js';
import { publishRelease, type Published } from './publish.js';
import type { SigningKey } from './signing.js';

/** Where the shipped PCI history comes from (server/data/pci/SOURCE.md). */
export const PCI_ORIGIN: ReleaseOrigin = {
  kind: 'imported',
  source: {
    vi: 'Nhập từ nguồn đã công bố: VCCI và USAID, Chỉ số PCI (pcivietnam.vn); dữ liệu qua gói R vietnamdata',
    en: 'Imported from the published source: VCCI and USAID, the PCI (pcivietnam.vn); data via the R package vietnamdata',
  },
  licence: {
    vi: 'CC0 (gói vietnamdata); số liệu gốc do VCCI công bố, ghi nguồn VCCI khi sử dụng',
    en: 'CC0 (vietnamdata package); the figures were published by VCCI: credit VCCI when you use them',
  },
  url: 'https://pcivietnam.vn',
};

/**
 * Publishes every edition of an imported family (stored scores, e.g. PCI 2006–2016) that has no
 * release yet, oldest first, so each release's changes compare with the year before.
 */
export async function publishImportedEditions(
  db: Db,
  key: SigningKey,
  family: string,
  origin: ReleaseOrigin = PCI_ORIGIN,
): Promise<Published[]> {
  const rows = await db
    .select({ familyId: families.id, year: editions.year, version: editions.methodologyVersion })
    .from(editions)
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(
      and(
        eq(families.code, family),
        notExists(db.select({ id: releases.id }).from(releases).where(eq(releases.editionId, editions.id))),
      ),
    )
    .orderBy(asc(editions.year));
  const out: Published[] = [];
  for (const e of rows) {
    const blocks = await importedBlocks(db, e.familyId, family, e.year);
    if (blocks.length === 0) continue;
    out.push(
      await publishRelease(db, key, {
        family,
        year: e.year,
        blocks,
        methodology: importedMethodology(family, e.version, e.year, blocks),
        origin,
      }),
    );
  }
  return out;
}
