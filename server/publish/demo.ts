import { count, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { editions, families, scores } from '#server/db/schema/index.js';
import { DEMO_FAMILY } from '#server/seed/demo.js';
import { shippedMethodology } from './methodology-file.js';
import { scoreSurveyEdition } from './score-edition.js';
import { storeIndexResult } from './store-result.js';

export const DEMO_YEARS = [2023, 2024, 2025] as const;

async function demoHasScores(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(scores)
    .innerJoin(editions, eq(editions.id, scores.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(eq(families.code, DEMO_FAMILY));
  return (row?.n ?? 0) > 0;
}

/**
 * Scores the demo province's editions in order with the shipped demo methodology and publishes
 * them, so the public pages show a DDCI next to the PCI. Flagged responses are left out, as an
 * analyst would publish; benchmarks pool the editions up to each year.
 */
export async function publishDemoScores(db: Db, progress: (m: string) => void = () => {}): Promise<boolean> {
  if (await demoHasScores(db)) return false;
  const methodology = shippedMethodology('ddci-demo');
  const [family] = await db.select({ id: families.id }).from(families).where(eq(families.code, DEMO_FAMILY));
  if (!family) return false;
  const years = await db
    .select({ year: editions.year })
    .from(editions)
    .where(eq(editions.familyId, family.id));
  const missing = DEMO_YEARS.filter((y) => !years.some((e) => e.year === y));
  if (missing.length > 0) {
    // A first start interrupted while seeding leaves a partial demo; serve what there is and say how to fix it.
    progress(
      `Warning: the demo province has no ${missing.join(', ')} edition (was the first start interrupted?). ` +
        'Its scores are not published. Start once with an empty DATA_DIR (or delete the database) to seed it again.',
    );
    return false;
  }
  for (const year of DEMO_YEARS) {
    const { result, history } = await scoreSurveyEdition(db, DEMO_FAMILY, year, methodology, {
      excludeFlagged: true,
    });
    const { scores: n } = await storeIndexResult(db, DEMO_FAMILY, year, methodology, result);
    const units = Object.values(result.blocks).reduce((s, b) => s + b.units.length, 0);
    progress(
      `  scored demo ${year}: ${units} units, ${n} scores${history.length ? ` (benchmarks pooled with ${history.join(', ')})` : ''}`,
    );
  }
  return true;
}
