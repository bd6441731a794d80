import { asc, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { blocks, editions, families } from '#server/db/schema/index.js';

export interface FamilySummary {
  code: string;
  kind: 'pci' | 'ddci';
  name: { vi: string; en: string };
  source: { vi: string; en: string } | null;
  isDemo: boolean;
  blocks: Array<{ code: string; name: { vi: string; en: string } }>;
  editions: Array<{ year: number; status: string; methodologyVersion: string | null }>;
}

export async function listFamilies(db: Db): Promise<FamilySummary[]> {
  const fams = await db.select().from(families).orderBy(asc(families.id));
  const blockRows = await db.select().from(blocks).orderBy(asc(blocks.sortOrder));
  const editionRows = await db.select().from(editions).orderBy(asc(editions.year));
  return fams.map((f) => ({
    code: f.code,
    kind: f.kind,
    name: { vi: f.nameVi, en: f.nameEn },
    source: f.sourceVi && f.sourceEn ? { vi: f.sourceVi, en: f.sourceEn } : null,
    isDemo: f.isDemo === 1,
    blocks: blockRows
      .filter((b) => b.familyId === f.id)
      .map((b) => ({ code: b.code, name: { vi: b.nameVi, en: b.nameEn } })),
    editions: editionRows
      .filter((e) => e.familyId === f.id)
      .map((e) => ({ year: e.year, status: e.status, methodologyVersion: e.methodologyVersion })),
  }));
}

export async function findFamily(db: Db, code: string) {
  const [family] = await db.select().from(families).where(eq(families.code, code));
  return family;
}
