import type { Db } from './client.js';

/** Largest group of transactions committed together. */
const MAX_GROUP = 64;

type Work<T> = (tx: Db) => Promise<T>;
interface Waiting {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

interface Committer {
  run: <T>(work: Work<T>) => Promise<T>;
  stats: GroupStats;
}
/** What group commit did so far on a database: transactions run, COMMITs they shared. */
export interface GroupStats {
  transactions: number;
  commits: number;
}

const committers = new WeakMap<Db, Committer>();

/**
 * Group commit for a database with one connection (PGlite): transactions that arrive while one is
 * being written wait, then run together in one transaction, each in a SAVEPOINT of its own (one that
 * fails rolls back alone and gets its own error), and share one COMMIT and its fsync. Each caller's
 * promise settles only after that COMMIT, so nothing is acknowledged before it is durable; if the
 * COMMIT fails, every caller of the group gets the error.
 */
export function enableGroupCommit(db: Db): void {
  let queue: Waiting[] = [];
  let draining = false;
  const stats: GroupStats = { transactions: 0, commits: 0 };
  const runGroup = async (group: Waiting[]) => {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; err: unknown }> = [];
    try {
      await db.transaction(async (tx) => {
        for (const w of group) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction((sp) => w.work(sp as unknown as Db)) });
          } catch (err) {
            outcomes.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      for (const w of group) w.reject(err);
      return;
    }
    group.forEach((w, i) => {
      const o = outcomes[i]!;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.err);
    });
  };
  // PGlite runs statements without giving the event loop a turn, so requests that arrive during a
  // group are read only when it yields: each group waits one turn (setImmediate) for them first.
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const drain = async () => {
    draining = true;
    try {
      for (;;) {
        await turn();
        if (queue.length === 0) break;
        const group = queue.slice(0, MAX_GROUP);
        queue = queue.slice(MAX_GROUP);
        await runGroup(group);
        stats.transactions += group.length;
        stats.commits++;
      }
    } finally {
      draining = false;
    }
  };
  const run = <T>(work: Work<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!draining) void drain();
    });
  committers.set(db, { run, stats });
}

/**
 * Runs `work` in a transaction of its own, or, on a database with group commit, in a savepoint of a
 * group's transaction; either way it resolves only once its writes are committed.
 */
export function committed<T>(db: Db, work: Work<T>): Promise<T> {
  const group = committers.get(db);
  return group ? group.run(work) : db.transaction((tx) => work(tx as unknown as Db));
}

/** A copy of the database's group-commit counters, or undefined without group commit. */
export function groupCommitStats(db: Db): GroupStats | undefined {
  const stats = committers.get(db)?.stats;
  return stats && { ...stats };
}
