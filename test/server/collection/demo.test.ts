import { expect } from 'chai';
import { count, eq, sql } from 'drizzle-orm';
import { randomSource } from '#scoring/random.js';
import {
  editions,
  families,
  pendingSubmissions,
  responses,
  surveyCodes,
  surveyEditions,
} from '#server/db/schema/index.js';
import { synthesizeResponse, type SyntheticContext } from '#server/seed/demo-responses.js';
import { seedDemo } from '#server/seed/demo.js';
import { ddciDemo2024 } from '#surveys/shipped.js';
import { validateResponse } from '#surveys/validate.js';
import { describeEachDatabase } from '#test/support/db.js';

const ctx: SyntheticContext = {
  definition: ddciDemo2024,
  units: {
    departments: ['A', 'B', 'C', 'D'].map((code) => ({ code, weight: 1 })),
    localities: ['X', 'Y'].map((code) => ({ code, weight: 1 })),
  },
  quality: (_b, u) => (u === 'A' ? 1.2 : u === 'B' ? -1.2 : 0),
};
const firm = (bias = 0) => ({ profile: { size: 2, sector: 3, ownership: 2 }, bias, straightLiner: false });

describe('synthesizeResponse', () => {
  it('synthesizeResponse(ctx, rng, firm) is valid against the definition and the edition units', () => {
    const rng = randomSource('valid');
    for (let i = 0; i < 200; i++) {
      const r = synthesizeResponse(ctx, rng, firm(rng.normal(0, 0.5)));
      const result = validateResponse(
        ddciDemo2024,
        { units: { departments: ['A', 'B', 'C', 'D'], localities: ['X', 'Y'] } },
        r,
      );
      expect(result.errors).to.deep.equal([]);
    }
  });

  it('synthesizeResponse gives the same answers for the same seed', () => {
    const a = Array.from(
      { length: 5 },
      (
        (rng) => () =>
          synthesizeResponse(ctx, rng, firm())
      )(randomSource('same')),
    );
    const b = Array.from(
      { length: 5 },
      (
        (rng) => () =>
          synthesizeResponse(ctx, rng, firm())
      )(randomSource('same')),
    );
    expect(a).to.deep.equal(b);
  });

  it('synthesizeResponse rates a better unit higher on average', () => {
    const rng = randomSource('quality');
    const sums: Record<string, [number, number]> = { A: [0, 0], B: [0, 0] };
    for (let i = 0; i < 400; i++) {
      const r = synthesizeResponse(ctx, rng, firm());
      for (const [unit, items] of Object.entries(r.units?.departments ?? {})) {
        const v = items.TC1;
        if (unit in sums && typeof v === 'number' && v <= 4) {
          sums[unit]![0] += v;
          sums[unit]![1]++;
        }
      }
    }
    expect(sums.A![0] / sums.A![1]).to.be.greaterThan(sums.B![0] / sums.B![1] + 0.5);
  });
});

describeEachDatabase('seedDemo', (c) => {
  it('seeds a labelled demo province with editions 2023–2025 and responses, once', async () => {
    const messages: string[] = [];
    expect(await seedDemo(c.database.db, (m) => messages.push(m), { firms: 60 })).to.equal(true);
    const [family] = await c.database.db.select().from(families).where(eq(families.code, 'ddci-demo'));
    expect(family!.isDemo).to.equal(1);
    expect(family!.nameEn).to.match(/demo/i);
    const years = await c.database.db
      .select({
        year: editions.year,
        n: sql<number>`(select count(*) from ${responses} where ${responses.surveyEditionId} = ${surveyEditions.id})`.mapWith(
          Number,
        ),
      })
      .from(surveyEditions)
      .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
      .orderBy(editions.year);
    expect(years.map((y) => y.year)).to.deep.equal([2023, 2024, 2025]);
    for (const y of years) expect(y.n).to.be.greaterThan(10);
    const open = await c.database.db
      .select({ n: count() })
      .from(responses)
      .where(eq(responses.openMode, true));
    expect(open[0]!.n).to.equal(40);
    // Seeded through the mixer: nothing left pending, no code stored without its batch.
    expect((await c.database.db.select({ n: count() }).from(pendingSubmissions))[0]!.n).to.equal(0);
    const codes = await c.database.db
      .select({
        used: count(surveyCodes.used),
        stored: sql<number>`count(*) filter (where ${surveyCodes.stored})`.mapWith(Number),
      })
      .from(surveyCodes)
      .where(eq(surveyCodes.used, true));
    expect(codes[0]!.stored).to.equal(codes[0]!.used);
    expect(messages.join('\n')).to.contain('2025');
    expect(await seedDemo(c.database.db, () => {}, { firms: 60 })).to.equal(false);
  });
});
