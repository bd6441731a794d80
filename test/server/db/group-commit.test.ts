import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import { committed, groupCommitStats } from '#server/db/group-commit.js';
import { describeEachDatabase } from '#test/support/db.js';

// committed(db, work): on PGlite (one connection) concurrent transactions share one COMMIT, each in
// a savepoint of its own; on a PostgreSQL server each is a transaction of its own. Either way a
// caller is told of success only once its writes are committed.
describeEachDatabase('committed(db, work)', (ctx) => {
  const db = () => ctx.database.db;
  const stored = async () => {
    const result = await db().execute(sql`select n from group_commit_probe order by n`);
    return (result as unknown as { rows: Array<{ n: number }> }).rows.map((r) => Number(r.n));
  };
  const insert = (n: number) => (tx: typeof ctx.database.db) =>
    tx.execute(sql`insert into group_commit_probe (n, parent) values (${n}, ${n === 13 ? 99 : null})`);

  before(async () => {
    await db().execute(sql`drop table if exists group_commit_probe`);
    await db().execute(sql`drop table if exists group_commit_parent`);
    await db().execute(sql`create table group_commit_parent (id int primary key)`);
    // A deferred foreign key fails at COMMIT, after every statement of the transaction succeeded.
    await db().execute(sql`create table group_commit_probe (n int primary key,
      parent int references group_commit_parent (id) deferrable initially deferred)`);
  });
  after(async () => {
    await db().execute(sql`drop table group_commit_probe`);
    await db().execute(sql`drop table group_commit_parent`);
  });
  beforeEach(() => db().execute(sql`delete from group_commit_probe`));

  it('committed(db, work) of concurrent callers: one that throws rolls back alone and gets its own error', async () => {
    const before = groupCommitStats(db());
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, n) =>
        committed(db(), async (tx) => {
          await insert(n)(tx);
          if (n === 5) throw new Error('work 5 failed');
          return n;
        }),
      ),
    );
    expect(results.map((r) => r.status)).to.deep.equal(
      Array.from({ length: 12 }, (_, n) => (n === 5 ? 'rejected' : 'fulfilled')),
    );
    expect((results[5] as PromiseRejectedResult).reason.message).to.equal('work 5 failed');
    expect((results[7] as PromiseFulfilledResult<number>).value).to.equal(7);
    expect(await stored()).to.deep.equal([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
    const after = groupCommitStats(db());
    if (ctx.backend === 'pglite') {
      // The twelve callers of one tick shared one COMMIT.
      expect(after!.transactions - before!.transactions).to.equal(12);
      expect(after!.commits - before!.commits).to.equal(1);
    } else {
      expect(after).to.equal(undefined);
    }
  });

  it('committed(db, work) settles a caller as committed only if its writes are: a failed COMMIT fails its whole group', async () => {
    // 13's row breaks the deferred key, so the COMMIT of its transaction (or group) fails.
    const ns = [10, 11, 12, 13, 14];
    const results = await Promise.allSettled(ns.map((n) => committed(db(), insert(n))));
    const rows = await stored();
    results.forEach((r, i) =>
      expect(r.status === 'fulfilled', `caller ${ns[i]}`).to.equal(rows.includes(ns[i]!)),
    );
    expect(results[3]!.status).to.equal('rejected');
    if (ctx.backend === 'pglite') {
      // The five callers of one tick formed one group with 13: none of them was committed.
      expect(rows).to.deep.equal([]);
    } else {
      expect(rows).to.deep.equal([10, 11, 12, 14]);
    }
  });
});
