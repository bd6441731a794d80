// The province, edition and codes a load or crash run submits to, written straight into the
// database before the server starts (an embedded folder is locked while a server holds it).
import { randomBytes } from 'node:crypto';
import { randomSource } from '#scoring/random.js';
import type { Db } from '#server/db/client.js';
import { blocks, families, units } from '#server/db/schema/index.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { issueCodes } from '#server/collection/codes.js';
import { createSurveyEdition } from '#server/collection/editions.js';
import { synthesizeResponse } from '#server/seed/demo-responses.js';
import { ddciDemo2024 } from '#surveys/shipped.js';
import type { SurveyResponse } from '#surveys/types.js';

export interface LoadFixture {
  slug: string;
  editionId: number;
  codes: string[];
  /** A valid response carrying `token` in its free-text answer C2, so the ledger can find it stored. */
  body(i: number, token: string): SurveyResponse;
}

const DEPARTMENTS = Array.from({ length: 20 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
const LOCALITIES = Array.from({ length: 15 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`);

export async function prepareLoad(db: Db, hasher: CodeHasher, codeCount: number): Promise<LoadFixture> {
  const tag = randomBytes(4).toString('hex');
  const [family] = await db
    .insert(families)
    .values({ code: `load-${tag}`, kind: 'ddci', nameVi: 'Tải thử', nameEn: 'Load test', isDemo: 1 })
    .returning();
  const [dept, loc] = await db
    .insert(blocks)
    .values([
      { familyId: family!.id, code: 'departments', nameVi: 'Sở', nameEn: 'Departments' },
      { familyId: family!.id, code: 'localities', nameVi: 'Huyện', nameEn: 'Localities' },
    ])
    .returning();
  await db
    .insert(units)
    .values([
      ...DEPARTMENTS.map((code) => ({ blockId: dept!.id, code, nameVi: code, nameEn: code })),
      ...LOCALITIES.map((code) => ({ blockId: loc!.id, code, nameVi: code, nameEn: code })),
    ]);
  const edition = await createSurveyEdition(db, {
    family: family!.code,
    year: 2024,
    slug: `load-${tag}`,
    definition: ddciDemo2024,
    opensOn: '2000-01-01',
    closesOn: '2099-12-31',
    units: { departments: DEPARTMENTS, localities: LOCALITIES },
  });
  const codes: string[] = [];
  for (let done = 0; done < codeCount; done += 5000) {
    const firms = Array.from({ length: Math.min(5000, codeCount - done) }, () => ({}));
    codes.push(...(await issueCodes(db, hasher, edition.id, firms)).map((c) => c.code));
  }
  const rng = randomSource(`load-${tag}`);
  const ctx = {
    definition: ddciDemo2024,
    units: {
      departments: DEPARTMENTS.map((code) => ({ code, weight: 1 })),
      localities: LOCALITIES.map((code) => ({ code, weight: 1 })),
    },
    quality: () => 0,
  };
  const bodies = Array.from({ length: 128 }, () =>
    synthesizeResponse(ctx, rng, {
      profile: { size: rng.int(1, 6), sector: rng.int(1, 11), ownership: rng.int(1, 9) },
      bias: rng.normal(0, 0.5),
      straightLiner: false,
    }),
  );
  return {
    slug: edition.slug,
    editionId: edition.id,
    codes,
    body: (i, token) => {
      const b = structuredClone(bodies[i % bodies.length]!);
      (b.answers as Record<string, unknown>).C2 = token;
      return b;
    },
  };
}
