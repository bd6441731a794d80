import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { VisitEntryPayload } from '#api/visit.js';
import type { Db } from '#server/db/client.js';
import {
  blocks,
  editions,
  families,
  surveyEditions,
  surveyEditionUnits,
  units,
} from '#server/db/schema/index.js';
import { vietnamToday } from '#server/collection/editions.js';
import { invalidCentreToken, type CentreClaim } from './token.js';

export interface VisitPlace {
  family: string;
  familyKind: string;
  unitId: number;
  unitCode: string;
  name: { vi: string; en: string };
}

/** The family's unit the token names; a token whose centre no longer exists is refused like a forged one. */
export async function placeOf(db: Db, claim: CentreClaim): Promise<VisitPlace> {
  const [row] = await db
    .select({ id: units.id, code: units.code, vi: units.nameVi, en: units.nameEn, kind: families.kind })
    .from(units)
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .innerJoin(families, eq(families.id, blocks.familyId))
    .where(and(eq(families.code, claim.f), eq(units.code, claim.u)))
    .limit(1);
  if (!row) throw invalidCentreToken();
  return {
    family: claim.f,
    familyKind: row.kind,
    unitId: row.id,
    unitCode: row.code,
    name: { vi: row.vi, en: row.en },
  };
}

/** Slug of the family's edition taking answers today that lists the unit (the latest opened), if any. */
export async function openEditionFor(
  db: Db,
  place: VisitPlace,
  today = vietnamToday(),
): Promise<string | null> {
  const [row] = await db
    .select({ slug: surveyEditions.slug })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .innerJoin(surveyEditionUnits, eq(surveyEditionUnits.surveyEditionId, surveyEditions.id))
    .where(
      and(
        eq(families.code, place.family),
        eq(surveyEditionUnits.unitId, place.unitId),
        eq(surveyEditions.state, 'open'),
        lte(surveyEditions.opensOn, today),
        gte(surveyEditions.closesOn, today),
      ),
    )
    .orderBy(desc(surveyEditions.opensOn))
    .limit(1);
  return row?.slug ?? null;
}

export async function visitEntry(db: Db, claim: CentreClaim): Promise<VisitEntryPayload> {
  const place = await placeOf(db, claim);
  return {
    family: place.family,
    centre: { code: place.unitCode, name: place.name },
    counter: claim.c ?? null,
    kiosk: claim.k === 1,
    edition: await openEditionFor(db, place),
  };
}
