import { and, eq, sql } from 'drizzle-orm';
import type { UnitItemAggregate } from '#api/collection-admin.js';
import type { Db } from '#server/db/client.js';
import { responseRatings, responses, units } from '#server/db/schema/index.js';

/**
 * Respondent counts and means per unit and item in one query over response_ratings (indexed on
 * edition, unit, item). Flagged responses count only when includeFlagged is set.
 */
export async function unitItemAggregates(
  db: Db,
  surveyEditionId: number,
  includeFlagged: boolean,
): Promise<UnitItemAggregate[]> {
  const rows = await db
    .select({
      block: responseRatings.blockKey,
      unit: units.code,
      item: responseRatings.item,
      respondents: sql<number>`count(*)`.mapWith(Number),
      n: sql<number>`count(${responseRatings.value})`.mapWith(Number),
      mean: sql<number | null>`avg(${responseRatings.value})`.mapWith((v) => (v === null ? null : Number(v))),
      dontKnow: sql<number>`count(*) filter (where ${responseRatings.dontKnow})`.mapWith(Number),
    })
    .from(responseRatings)
    .innerJoin(units, eq(units.id, responseRatings.unitId))
    .innerJoin(responses, eq(responses.id, responseRatings.responseId))
    .where(
      and(
        eq(responseRatings.surveyEditionId, surveyEditionId),
        includeFlagged ? undefined : eq(responses.flagged, false),
      ),
    )
    .groupBy(responseRatings.blockKey, units.code, responseRatings.item)
    .orderBy(responseRatings.blockKey, units.code, responseRatings.item);
  return rows;
}
