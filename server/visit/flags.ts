import { eq } from 'drizzle-orm';
import type { QualityFlag } from '#api/collection-admin.js';
import type { Db } from '#server/db/client.js';
import { editions, families, surveyEditions } from '#server/db/schema/index.js';

// Quality flags of visits, robust to floods. A one-minute satisfaction survey has a few modal
// answer patterns (a satisfied visitor answers 5 everywhere), so neither straight-lining nor
// near-duplicates say anything about a visit, and minute-level completion times cannot tell a
// speeder in a one-minute survey. What a flood has that visitors do not is volume from one place:
// the address's count of visits to the centre this hour comes from the shared limiter, and every
// visit beyond a visitor's plausible share is flagged, the first ones never — so a flood of copies
// neither hides among nor disqualifies the genuine answers.

/** Visits from one address to one centre within the limiter's hour that need no flag. */
export const BURST_AFTER = 5;

/** The burst flag for the address's `n`-th visit to the centre this hour (never on a kiosk, whose volume is expected). */
export function burstFlag(n: number, kiosk: boolean): QualityFlag | undefined {
  if (kiosk || n <= BURST_AFTER) return undefined;
  return {
    code: 'burst',
    reason: {
      vi: `Hơn ${BURST_AFTER} lượt đánh giá cùng một trung tâm từ cùng một địa chỉ mạng trong một giờ`,
      en: `More than ${BURST_AFTER} ratings of the same centre from the same network address within an hour`,
    },
  };
}

/** Whether the survey edition belongs to a service-satisfaction family (visits, not a DDCI). */
export async function isServiceEdition(db: Db, surveyEditionId: number): Promise<boolean> {
  const [row] = await db
    .select({ kind: families.kind })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(eq(surveyEditions.id, surveyEditionId));
  return row?.kind === 'service';
}
