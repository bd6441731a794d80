import type { FamilySummary } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { fetchFamilies } from '#client/src/shared/api.js';

let cached: Promise<FamilySummary[]> | undefined;

/** The family list is bilingual and changes only on publication: fetch it once per page load. */
export function families(lang: Lang): Promise<FamilySummary[]> {
  cached ??= fetchFamilies(lang).catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

/** The latest edition of a family (its editions are oldest first). */
export const latestYear = (f: FamilySummary | undefined): number | undefined => f?.editions.at(-1)?.year;
