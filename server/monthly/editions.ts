import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { periodDates, periodKey, type EditionPeriod } from '#api/periods.js';
import type { SurveyDefinition } from '#surveys/types.js';
import { createSurveyEdition, type LoadedEdition } from '#server/collection/editions.js';
import type { Db } from '#server/db/client.js';
import { blocks, families, units } from '#server/db/schema/index.js';
import { familyPeriod } from '#server/delivery/edition-hard.js';

export interface MonthlyEditionInput {
  family: string;
  /** The period number YYYYMM (a quarter: its last month). */
  period: number;
  definition: SurveyDefinition;
  /** The block of centres the definition rates (default `centres`). */
  block?: string;
  /** Created as a draft (not yet taking answers). */
  draft?: boolean;
}

/** Codes of the block's centres that exist on some day of [from, to], in code order. */
export async function centresValidIn(
  db: Db,
  family: string,
  block: string,
  { from, to }: { from: string; to: string },
): Promise<string[]> {
  const rows = await db
    .select({ code: units.code })
    .from(units)
    .innerJoin(blocks, eq(blocks.id, units.blockId))
    .innerJoin(families, eq(families.id, blocks.familyId))
    .where(
      and(
        eq(families.code, family),
        eq(blocks.code, block),
        or(isNull(units.validFrom), lte(units.validFrom, to)),
        or(isNull(units.validTo), gte(units.validTo, from)),
      ),
    )
    .orderBy(asc(units.code));
  return rows.map((r) => r.code);
}

/**
 * Opens one monthly (or quarterly) edition of a service family: the family edition YYYYMM with a
 * survey edition whose window is the period's days and whose units are the centres that existed
 * then. Visits reach it through the centre-token entry (server/visit/), which picks the edition open
 * today; the code-less open mode stays off.
 */
export async function openPeriodEdition(db: Db, input: MonthlyEditionInput): Promise<LoadedEdition> {
  const period: EditionPeriod = await familyPeriod(db, input.family);
  const dates = periodDates(input.period, period === 'quarter' ? 'quarter' : 'month');
  const block = input.block ?? 'centres';
  return createSurveyEdition(db, {
    family: input.family,
    year: input.period,
    slug: `${input.family}-${periodKey(input.period)}`,
    definition: input.definition,
    opensOn: dates.from,
    closesOn: dates.to,
    openMode: false,
    ...(input.draft ? { draft: true } : {}),
    units: { [block]: await centresValidIn(db, input.family, block, dates) },
  });
}
