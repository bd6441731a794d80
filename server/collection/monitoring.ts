import { and, count, eq, sql } from 'drizzle-orm';
import type { MonitoringPayload, RateCell } from '#api/collection-admin.js';
import type { Db } from '#server/db/client.js';
import { codeStrata, drafts, responseRatings, responses, surveyCodes } from '#server/db/schema/index.js';
import type { Dimension } from './codes.js';
import type { LoadedEdition } from './editions.js';

/** Cells counting fewer firms than this are suppressed in response-rate breakdowns. */
export const MIN_CELL = 5;

/**
 * Suppresses cells with fewer than MIN_CELL issued or submitted codes, then, when exactly one cell
 * is suppressed, the next smallest too, so that it cannot be recovered from the totals.
 */
export function suppress(
  rows: Array<{ value: string | null; issued: number; submitted: number }>,
): RateCell[] {
  const small = (r: { issued: number; submitted: number }) => r.issued < MIN_CELL || r.submitted < MIN_CELL;
  const hidden = new Set(rows.filter(small));
  if (hidden.size === 1 && rows.length > 1) {
    const next = rows
      .filter((r) => !hidden.has(r))
      .sort((a, b) => a.submitted - b.submitted || a.issued - b.issued)[0];
    if (next) hidden.add(next);
  }
  return rows.map((r) =>
    hidden.has(r)
      ? { value: r.value, issued: null, submitted: null, rate: null, suppressed: true }
      : {
          value: r.value,
          issued: r.issued,
          submitted: r.submitted,
          rate: r.issued > 0 ? r.submitted / r.issued : null,
          suppressed: false,
        },
  );
}

/** Response rates by one stratum dimension, from the per-value counters (code_strata). */
async function rateBy(db: Db, surveyEditionId: number, dimension: Dimension) {
  const rows = await db
    .select({ value: codeStrata.value, issued: codeStrata.issued, submitted: codeStrata.submitted })
    .from(codeStrata)
    .where(and(eq(codeStrata.surveyEditionId, surveyEditionId), eq(codeStrata.dimension, dimension)))
    .orderBy(codeStrata.value);
  return suppress(rows);
}

/** Progress of an edition: aggregates only; no row identifies a firm or a response. */
export async function monitoring(db: Db, edition: LoadedEdition): Promise<MonitoringPayload> {
  const [codes] = await db
    .select({
      issued: count(),
      draftsStarted: sql<number>`count(*) filter (where ${surveyCodes.draftStarted})`.mapWith(Number),
      submitted: sql<number>`count(*) filter (where ${surveyCodes.stored})`.mapWith(Number),
      awaitingMix:
        sql<number>`count(*) filter (where ${surveyCodes.used} and not ${surveyCodes.stored})`.mapWith(
          Number,
        ),
    })
    .from(surveyCodes)
    .where(eq(surveyCodes.surveyEditionId, edition.id));
  const [inProgress] = await db
    .select({ n: count() })
    .from(drafts)
    .innerJoin(surveyCodes, eq(surveyCodes.codeHash, drafts.codeHash))
    .where(eq(surveyCodes.surveyEditionId, edition.id));
  const channels = await db
    .select({ channel: responses.channel, openMode: responses.openMode, n: count() })
    .from(responses)
    .where(eq(responses.surveyEditionId, edition.id))
    .groupBy(responses.channel, responses.openMode);
  const perUnit = await db
    .select({
      block: responseRatings.blockKey,
      unitId: responseRatings.unitId,
      respondents: sql<number>`count(distinct ${responseRatings.responseId})`.mapWith(Number),
    })
    .from(responseRatings)
    .where(eq(responseRatings.surveyEditionId, edition.id))
    .groupBy(responseRatings.blockKey, responseRatings.unitId);
  const perBlock = await db
    .select({
      block: responseRatings.blockKey,
      responses: sql<number>`count(distinct ${responseRatings.responseId})`.mapWith(Number),
    })
    .from(responseRatings)
    .where(eq(responseRatings.surveyEditionId, edition.id))
    .groupBy(responseRatings.blockKey);
  const respondents = new Map(perUnit.map((r) => [`${r.block}/${r.unitId}`, r.respondents]));
  const [flagged] = await db
    .select({ n: count() })
    .from(responses)
    .where(and(eq(responses.surveyEditionId, edition.id), eq(responses.flagged, true)));
  return {
    edition: edition.slug,
    codes: {
      issued: codes?.issued ?? 0,
      draftsStarted: codes?.draftsStarted ?? 0,
      draftsInProgress: inProgress?.n ?? 0,
      submitted: codes?.submitted ?? 0,
      /** Accepted, waiting for the mixer to store a batch of at least k (README.md). */
      awaitingMix: codes?.awaitingMix ?? 0,
    },
    responses: {
      total: channels.reduce((s, c) => s + c.n, 0),
      openMode: channels.filter((c) => c.openMode).reduce((s, c) => s + c.n, 0),
      flagged: flagged?.n ?? 0,
      byChannel: Object.fromEntries(
        ['online', 'paper', 'phone'].map((ch) => [
          ch,
          channels.filter((c) => c.channel === ch).reduce((s, c) => s + c.n, 0),
        ]),
      ),
    },
    blocks: Object.entries(edition.units).map(([block, list]) => ({
      block,
      responses: perBlock.find((b) => b.block === block)?.responses ?? 0,
      units: list.map((u) => ({
        code: u.code,
        name: u.name,
        respondents: respondents.get(`${block}/${u.id}`) ?? 0,
      })),
    })),
    responseRate: {
      minCell: MIN_CELL,
      bySize: await rateBy(db, edition.id, 'size'),
      bySector: await rateBy(db, edition.id, 'sector'),
    },
  };
}
