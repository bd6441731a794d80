import { count, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { families, scores, editions } from '#server/db/schema/index.js';
import { importShippedPci } from '#server/import/run.js';
import { seedServiceDemo } from '#server/monthly/demo.js';
import { seedDemo, type DemoOptions } from './demo.js';

export type Progress = (message: string) => void;

async function hasPciScores(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(scores)
    .innerJoin(editions, eq(editions.id, scores.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(eq(families.code, 'pci'));
  return (row?.n ?? 0) > 0;
}

/**
 * Fills an empty database with the shipped data; a database that already has it is left alone.
 * Publishing it as releases is server/releases/seed.ts (it needs the signing key).
 */
export async function seedDatabase(
  db: Db,
  progress: Progress = () => {},
  demo: DemoOptions = {},
): Promise<void> {
  if (!(await hasPciScores(db))) {
    progress('Loading PCI 2006–2016 (VCCI) into the database…');
    await importShippedPci(db, (r) =>
      progress(
        `  ${r.kind}: ${r.rows} rows from ${r.file} (${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged)`,
      ),
    );
  }
  await seedDemo(db, progress, demo);
  await seedServiceDemo(db, progress);
}
