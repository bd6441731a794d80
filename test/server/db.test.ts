import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import { families } from '#server/db/schema/index.js';
import { describeEachDatabase, resetDatabase } from '#test/support/db.js';

describeEachDatabase('database', (ctx) => {
  it('migrate() is idempotent and creates the application tables', async () => {
    await ctx.database.migrate();
    const rows = await ctx.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    const n = ((rows as unknown as { rows?: Array<{ n: number }> }).rows ??
      (rows as unknown as Array<{ n: number }>))[0]!.n;
    expect(n).to.be.greaterThanOrEqual(10);
  });

  it('resetDatabase() empties tables and restarts identities', async () => {
    await ctx.database.db.insert(families).values({ code: 'x', kind: 'pci', nameVi: 'X', nameEn: 'X' });
    await resetDatabase(ctx.database);
    expect(await ctx.database.db.select().from(families)).to.have.length(0);
    const [row] = await ctx.database.db
      .insert(families)
      .values({ code: 'y', kind: 'ddci', nameVi: 'Y', nameEn: 'Y' })
      .returning();
    expect(row!.id).to.equal(1);
  });

  it('ping() answers', async () => {
    await ctx.database.ping();
  });
});
