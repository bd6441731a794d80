import { asc, eq, sql } from 'drizzle-orm';
import type { AnswerValue, Observation } from '#scoring/indicators/index.js';
import type { Db } from '#server/db/client.js';
import { responseRatings, responses, surveyEditionUnits, units } from '#server/db/schema/index.js';

export interface SurveyMicrodata {
  observations: Observation[];
  /** Every unit firms could rate in the edition, by block, in the edition's order. */
  units: Array<{ code: string; block: string }>;
}

/** Multiple-choice codes arrive as numbers; the engine matches option codes as strings. */
function answer(value: number | null, raw: unknown): AnswerValue {
  if (value !== null) return value;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' || typeof raw === 'number' ? raw : null;
}

const scalar = (v: unknown): number | string | null =>
  typeof v === 'number' || typeof v === 'string' ? v : null;

/**
 * The answers of one survey edition as scoring observations: one per response and rated unit.
 * `profile` carries the firm's top-level answers by item code and its profile by role, so
 * sub-population filters can use either. Don't-know answers are missing (null).
 */
export async function loadObservations(db: Db, surveyEditionId: number): Promise<SurveyMicrodata> {
  const unitRows = await db
    .select({ code: units.code, block: surveyEditionUnits.blockKey })
    .from(surveyEditionUnits)
    .innerJoin(units, eq(units.id, surveyEditionUnits.unitId))
    .where(eq(surveyEditionUnits.surveyEditionId, surveyEditionId))
    .orderBy(asc(surveyEditionUnits.blockKey), asc(surveyEditionUnits.sortOrder), asc(units.code));

  const people = await db
    .select({
      id: responses.id,
      profile: responses.profile,
      answers: responses.answers,
      flags: responses.qualityFlags,
    })
    .from(responses)
    .where(eq(responses.surveyEditionId, surveyEditionId));
  const byResponse = new Map(
    people.map((p) => {
      const profile: Record<string, number | string | null> = {};
      for (const [k, v] of Object.entries((p.answers ?? {}) as Record<string, unknown>))
        profile[k] = scalar(v);
      for (const [k, v] of Object.entries((p.profile ?? {}) as Record<string, unknown>))
        profile[k] = scalar(v);
      return [p.id, { profile, flags: (p.flags ?? []).map((f) => f.code) }];
    }),
  );

  // One row per response and rated unit with its answers as JSON, not one row per answer: a
  // demo edition has ~120,000 answers, and decoding them row by row cost ~1.7 s of CPU on PGlite.
  const rated = await db
    .select({
      responseId: responseRatings.responseId,
      block: responseRatings.blockKey,
      unit: units.code,
      items: sql<
        Array<[string, number | null, unknown, boolean]>
      >`json_agg(json_build_array(${responseRatings.item}, ${responseRatings.value}, ${responseRatings.raw}, ${responseRatings.dontKnow}))`,
    })
    .from(responseRatings)
    .innerJoin(units, eq(units.id, responseRatings.unitId))
    .where(eq(responseRatings.surveyEditionId, surveyEditionId))
    .groupBy(responseRatings.responseId, responseRatings.blockKey, units.code)
    .orderBy(asc(responseRatings.responseId), asc(units.code), asc(responseRatings.blockKey));

  const observations: Observation[] = rated.map((r) => {
    const person = byResponse.get(r.responseId);
    const answers: Observation['answers'] = {};
    for (const [item, value, raw, dontKnow] of r.items) answers[item] = dontKnow ? null : answer(value, raw);
    return {
      unit: r.unit,
      block: r.block,
      answers,
      profile: person?.profile ?? {},
      flags: person?.flags ?? [],
    };
  });
  return { observations, units: unitRows };
}
