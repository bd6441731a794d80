import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { editions, indicators } from '#server/db/schema/index.js';
import type { PciContext } from '#server/import/context.js';
import type { IssueCollector } from '#server/import/issues.js';

export const FIRST_YEAR = 2005;
export const LAST_YEAR = 2100;

/** Checks year and sub-index columns shared by the PCI indicator files; returns the component id. */
export function checkYearAndComponent(
  issues: IssueCollector,
  ctx: PciContext,
  line: number,
  v: Record<string, string>,
): { year: number | null; componentId: number | undefined } {
  const year = issues.integer(line, 'year', v.year, FIRST_YEAR, LAST_YEAR);
  const componentId = ctx.ids.componentIds.get(v.subindex_key ?? '');
  if (componentId === undefined || v.subindex_key === ctx.spec.composite.code) {
    issues.add(
      line,
      'subindex_key',
      `unknown sub-index "${v.subindex_key}"; expected one of ${ctx.spec.components.map((c) => c.code).join(', ')}`,
    );
  }
  return { year, componentId };
}

/** Indicator ids by `year|subindex|code`, for the editions in `years`. */
export async function indicatorIds(db: Db, ctx: PciContext, years: number[]): Promise<Map<string, number>> {
  if (years.length === 0) return new Map();
  const rows = await db
    .select({
      id: indicators.id,
      year: editions.year,
      componentId: indicators.componentId,
      code: indicators.code,
    })
    .from(indicators)
    .innerJoin(editions, eq(editions.id, indicators.editionId))
    .where(and(eq(editions.familyId, ctx.ids.familyId), inArray(editions.year, years)));
  const codeOf = new Map([...ctx.ids.componentIds].map(([code, id]) => [id, code]));
  return new Map(rows.map((r) => [`${r.year}|${codeOf.get(r.componentId)}|${r.code}`, r.id]));
}
