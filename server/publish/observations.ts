import { and, asc, eq } from 'drizzle-orm';
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

  const ratings = await db
    .select({
      responseId: responseRatings.responseId,
      block: responseRatings.blockKey,
      unit: units.code,
      item: responseRatings.item,
      value: responseRatings.value,
      raw: responseRatings.raw,
      dontKnow: responseRatings.dontKnow,
    })
    .from(responseRatings)
    .innerJoin(units, eq(units.id, responseRatings.unitId))
    .where(and(eq(responseRatings.surveyEditionId, surveyEditionId)))
    .orderBy(asc(responseRatings.responseId), asc(units.code));

  const observations: Observation[] = [];
  let current: Observation | undefined;
  let currentKey = '';
  for (const r of ratings) {
    const key = `${r.responseId}|${r.block}|${r.unit}`;
    if (key !== currentKey) {
      const person = byResponse.get(r.responseId);
      current = {
        unit: r.unit,
        block: r.block,
        answers: {},
        profile: person?.profile ?? {},
        flags: person?.flags ?? [],
      };
      observations.push(current);
      currentKey = key;
    }
    current!.answers[r.item] = r.dontKnow ? null : answer(r.value, r.raw);
  }
  return { observations, units: unitRows };
}
