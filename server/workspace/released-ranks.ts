import { and, eq } from 'drizzle-orm';
import type { ReleaseDocument } from '#api/releases.js';
import type { Db } from '#server/db/client.js';
import { families, releases } from '#server/db/schema/index.js';

/** The edition's current release (the one nothing supersedes), or null. */
export async function currentRelease(
  db: Pick<Db, 'select'>,
  family: string,
  year: number,
): Promise<{ id: string; document: string } | null> {
  const rows = await db
    .select({ id: releases.id, supersedes: releases.supersedes, document: releases.document })
    .from(releases)
    .innerJoin(families, eq(families.id, releases.familyId))
    .where(and(eq(families.code, family), eq(releases.year, year)));
  const superseded = new Set(rows.map((r) => r.supersedes));
  return rows.find((r) => !superseded.has(r.id)) ?? null;
}

/** Composite ranks of the current release by block and unit code, for the preview's rank changes. */
export async function releasedRanks(
  db: Db,
  family: string,
  year: number,
): Promise<Record<string, Record<string, number | null>> | null> {
  const current = await currentRelease(db, family, year);
  if (!current) return null;
  const doc = JSON.parse(current.document) as ReleaseDocument;
  return Object.fromEntries(
    doc.blocks.map((b) => [
      b.code,
      Object.fromEntries(b.units.map((u) => [u.code, u.composite.rank ?? null])),
    ]),
  );
}
