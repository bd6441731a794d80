import { and, eq } from 'drizzle-orm';
import { ddciDemo2025 } from '#surveys/shipped.js';
import { parseCode } from '#surveys/code-format.js';
import type { SurveyDefinition } from '#surveys/types.js';
import type { Localized } from '#api/text.js';
import type { Db } from '#server/db/client.js';
import { editions, families, surveyCodes, surveyEditions } from '#server/db/schema/index.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { DEMO_CODE_COUNT, demoCodes } from '#server/collection/demo-codes.js';
import { createSurveyEdition, vietnamToday } from '#server/collection/editions.js';
import { COMMUNES, DEPARTMENTS } from './demo-units.js';
import { DEMO_FAMILY } from './demo.js';

/** The shipped 2025 questionnaire, relabelled for `year` (the definition names its edition year). */
function demoDefinition(year: number): SurveyDefinition {
  const relabel = (t: Localized): Localized => ({
    vi: t.vi.replaceAll('2025', String(year)),
    en: t.en.replaceAll('2025', String(year)),
  });
  return {
    ...ddciDemo2025,
    id: `ddci-demo-${year}`,
    edition: year,
    title: relabel(ddciDemo2025.title),
    intro: relabel(ddciDemo2025.intro),
  };
}

/**
 * So that anyone can try the answering pages, the demo province has a survey open for the current
 * year (1 January to 31 December, Vietnam time, open mode allowed) with DEMO_CODE_COUNT try-it
 * codes derived from the server secret (see demo-codes.ts). Runs at every start: a new year gets
 * its edition; an existing one is left alone, with any missing demo codes added.
 */
export async function ensureOpenDemoSurvey(
  db: Db,
  hasher: CodeHasher,
  progress: (m: string) => void = () => {},
): Promise<string | undefined> {
  const [family] = await db.select({ id: families.id }).from(families).where(eq(families.code, DEMO_FAMILY));
  if (!family) return undefined;
  const year = Number(vietnamToday().slice(0, 4));
  const [existing] = await db
    .select({ id: surveyEditions.id, slug: surveyEditions.slug })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .where(and(eq(editions.familyId, family.id), eq(editions.year, year)));
  let edition = existing;
  if (!edition) {
    const created = await createSurveyEdition(db, {
      family: DEMO_FAMILY,
      year,
      definition: demoDefinition(year),
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      openMode: true,
      units: { departments: DEPARTMENTS.map(([c]) => c), localities: COMMUNES.map(([c]) => c) },
    });
    edition = { id: created.id, slug: created.slug };
    progress(`Demo survey ${created.slug} is open for ${year}, with ${DEMO_CODE_COUNT} try-it codes.`);
  }
  const hashes = demoCodes(hasher, edition.slug, DEMO_CODE_COUNT).map((c) =>
    hasher.code((parseCode(c) as { code: string }).code),
  );
  await db
    .insert(surveyCodes)
    .values(hashes.map((codeHash) => ({ codeHash, surveyEditionId: edition.id })))
    .onConflictDoNothing();
  return edition.slug;
}
