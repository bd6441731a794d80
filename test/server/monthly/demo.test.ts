import { expect } from 'chai';
import { count, eq } from 'drizzle-orm';
import { editions, families } from '#server/db/schema/index.js';
import { SERVICE_DEMO_FAMILY, seedServiceDemo } from '#server/monthly/demo.js';
import { describeEachDatabase } from '#test/support/db.js';

describeEachDatabase('seedServiceDemo: the demo service centres, seeded once', (ctx) => {
  it('seedServiceDemo(db) says what it seeds, and a second call (a restored snapshot) does nothing and says nothing', async function () {
    this.timeout(300_000);
    const db = ctx.database.db;
    const first: string[] = [];
    expect(await seedServiceDemo(db, (m) => first.push(m), { months: 2 })).to.equal(true);
    expect(first[0]).to.match(/^Seeding the demo service centres \(fictional\): 2 months of visits/);
    const [family] = await db.select().from(families).where(eq(families.code, SERVICE_DEMO_FAMILY));
    const [row] = await db.select({ n: count() }).from(editions).where(eq(editions.familyId, family!.id));
    expect(row!.n).to.equal(2);
    const second: string[] = [];
    expect(await seedServiceDemo(db, (m) => second.push(m), { months: 2 })).to.equal(false);
    expect(second).to.deep.equal([]);
  });
});
