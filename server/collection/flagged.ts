import { and, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { responses } from '#server/db/schema/index.js';

/** Flagged responses of an edition with their reasons, for review; nothing is removed. */
export async function listFlagged(db: Db, surveyEditionId: number) {
  return db
    .select({
      id: responses.id,
      channel: responses.channel,
      openMode: responses.openMode,
      flags: responses.qualityFlags,
    })
    .from(responses)
    .where(and(eq(responses.surveyEditionId, surveyEditionId), eq(responses.flagged, true)))
    .orderBy(responses.id);
}
