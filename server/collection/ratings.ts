import { prepare } from '#surveys/prepare.js';
import type { AnswerValue, SurveyDefinition, SurveyResponse } from '#surveys/types.js';
import type { LoadedEdition } from './editions.js';

export interface RatingRow {
  blockKey: string;
  unitId: number;
  item: string;
  value: number | null;
  raw: unknown;
  dontKnow: boolean;
}

/** Splits a validated response into profile answers by role, top-level answers and per-unit rows. */
export function splitResponse(edition: LoadedEdition, response: SurveyResponse) {
  const p = prepare(edition.definition);
  const profile: Record<string, AnswerValue> = {};
  for (const [code, q] of p.top) {
    const role = 'profileRole' in q ? q.profileRole : undefined;
    const value = response.answers[code];
    if (role && value !== undefined) profile[role] = value;
  }
  const ratings: RatingRow[] = [];
  for (const [blockKey, byUnit] of Object.entries(response.units ?? {})) {
    const dontKnow = p.dontKnowByBlock.get(blockKey);
    for (const [unitCode, items] of Object.entries(byUnit)) {
      const unitId = edition.unitIds.get(`${blockKey}/${unitCode}`);
      if (unitId === undefined)
        throw new Error(`unit ${blockKey}/${unitCode} passed validation but is not in the edition`);
      for (const [item, value] of Object.entries(items)) {
        if (value === undefined || value === null) continue;
        const dk = typeof value === 'number' && dontKnow?.get(item) === value;
        ratings.push({
          blockKey,
          unitId,
          item,
          value: typeof value === 'number' && !dk ? value : null,
          raw: typeof value === 'number' && !dk ? null : value,
          dontKnow: dk,
        });
      }
    }
  }
  return { profile, answers: response.answers, ratings };
}

/** Rating-scale item codes per block: the items that straight-lining looks at. */
export function ratingItems(definition: SurveyDefinition): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [block, items] of prepare(definition).unitItems) {
    out.set(block, new Set([...items.values()].filter((q) => q.type === 'rating').map((q) => q.code)));
  }
  return out;
}
