import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { OpenSurvey } from '#api/open-surveys.js';
import type { Db } from '#server/db/client.js';
import { editions, families, surveyCodes, surveyEditions } from '#server/db/schema/index.js';
import { parseCode } from '#surveys/code-format.js';
import type { SurveyDefinition } from '#surveys/types.js';
import type { CodeHasher } from './code-hash.js';
import { DEMO_CODE_COUNT, demoCodes } from './demo-codes.js';
import { vietnamToday } from './editions.js';

const SHOWN_DEMO_CODES = 3;

/** Editions taking answers today (state open, inside the window), newest year first. */
export async function openSurveys(db: Db, hasher: CodeHasher, today = vietnamToday()): Promise<OpenSurvey[]> {
  const rows = await db
    .select({
      slug: surveyEditions.slug,
      year: editions.year,
      opensOn: surveyEditions.opensOn,
      closesOn: surveyEditions.closesOn,
      openMode: surveyEditions.openMode,
      definition: surveyEditions.definition,
      familyCode: families.code,
      nameVi: families.nameVi,
      nameEn: families.nameEn,
      isDemo: families.isDemo,
      id: surveyEditions.id,
    })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(
      and(
        eq(surveyEditions.state, 'open'),
        lte(surveyEditions.opensOn, today),
        gte(surveyEditions.closesOn, today),
      ),
    );
  rows.sort((a, b) => b.year - a.year || a.slug.localeCompare(b.slug));
  const out: OpenSurvey[] = [];
  for (const r of rows) {
    const definition = r.definition as SurveyDefinition;
    const survey: OpenSurvey = {
      slug: r.slug,
      family: { code: r.familyCode, name: { vi: r.nameVi, en: r.nameEn }, isDemo: r.isDemo === 1 },
      year: r.year,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      openMode: r.openMode,
      title: definition.title,
      intro: definition.intro,
    };
    if (r.isDemo === 1) survey.demoCodes = await unusedDemoCodes(db, hasher, r.id, r.slug);
    out.push(survey);
  }
  return out;
}

/** The first few demo codes nobody has started or used yet. */
async function unusedDemoCodes(
  db: Db,
  hasher: CodeHasher,
  editionId: number,
  slug: string,
): Promise<string[]> {
  const codes = demoCodes(hasher, slug, DEMO_CODE_COUNT);
  const byHash = new Map(codes.map((c) => [hasher.code((parseCode(c) as { code: string }).code), c]));
  const fresh = await db
    .select({ codeHash: surveyCodes.codeHash })
    .from(surveyCodes)
    .where(
      and(
        eq(surveyCodes.surveyEditionId, editionId),
        eq(surveyCodes.used, false),
        eq(surveyCodes.draftStarted, false),
        inArray(surveyCodes.codeHash, [...byHash.keys()]),
      ),
    );
  const freshHashes = new Set(fresh.map((f) => f.codeHash));
  return [...byHash]
    .filter(([h]) => freshHashes.has(h))
    .slice(0, SHOWN_DEMO_CODES)
    .map(([, c]) => c);
}
