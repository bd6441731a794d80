// The public view of a survey edition (GET /api/v1/surveys/:slug), also inlined into the answering page's HTML
// so a phone on a slow network gets the survey with the page instead of one round trip later.
import type { SurveyEditionPayload } from '#api/collection.js';
import type { Db } from '#server/db/client.js';
import { requireEdition, windowState } from './editions.js';

/** editionPayload(db, slug) — 404 (HttpError) for an unknown slug. */
export async function editionPayload(db: Db, slug: string): Promise<SurveyEditionPayload> {
  const e = await requireEdition(db, slug);
  return {
    edition: {
      slug: e.slug,
      family: e.familyCode,
      year: e.year,
      opensOn: e.opensOn,
      closesOn: e.closesOn,
      openMode: e.openMode,
      window: windowState(e),
      contentHash: e.contentHash,
    },
    definition: e.definition,
    units: Object.fromEntries(
      Object.entries(e.units).map(([block, list]) => [
        block,
        list.map((u) => ({ code: u.code, name: u.name })),
      ]),
    ),
  };
}
