import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '#server/db/client.js';

/**
 * One migrated database per backend per test run: PGlite always, and a PostgreSQL server when
 * TEST_DATABASE_URL is set (CI sets it and REQUIRE_POSTGRES_TESTS=1, so it cannot be skipped).
 * Suites isolate themselves with `resetDatabase` (TRUNCATE … RESTART IDENTITY CASCADE).
 */
const opened = new Map<string, Promise<Database>>();

function open(name: string, make: () => Promise<Database>): Promise<Database> {
  let p = opened.get(name);
  if (!p) {
    p = make().then(async (d) => {
      await d.migrate();
      return d;
    });
    opened.set(name, p);
  }
  return p;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  get(): Promise<Database>;
}

export function backends(): Backend[] {
  const list: Backend[] = [
    { name: 'pglite', get: () => open('pglite', () => openDatabase({ memory: true })) },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', get: () => open('postgres', () => openDatabase({ url })) });
  else if (process.env.REQUIRE_POSTGRES_TESTS === '1') {
    throw new Error(
      'REQUIRE_POSTGRES_TESTS=1 but TEST_DATABASE_URL is not set: start a PostgreSQL server (see .ci/run)',
    );
  }
  return list;
}

/** Empties every application table; the migration journal (schema "drizzle") is kept. */
export async function resetDatabase(database: Database): Promise<void> {
  const rows = await database.db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const names =
    (rows as unknown as { rows?: Array<{ tablename: string }> }).rows ??
    (rows as unknown as Array<{ tablename: string }>);
  if (names.length === 0) return;
  // Releases refuse TRUNCATE unless the session says it is a test reset (migration 0004).
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('ddci.allow_truncate', 'on', true)`);
    await tx.execute(
      sql.raw(`truncate ${names.map((r) => `"${r.tablename}"`).join(', ')} restart identity cascade`),
    );
  });
}

/**
 * Runs `fn` as a suite once per backend. `ctx.database` is set before the suite's own hooks run;
 * the tables are emptied before the suite starts (not between its tests).
 */
export function describeEachDatabase(
  title: string,
  fn: (ctx: { database: Database; backend: Backend['name'] }) => void,
): void {
  for (const backend of backends()) {
    describe(`${title} [${backend.name}]`, function () {
      this.timeout(120_000);
      const ctx = { database: undefined as unknown as Database, backend: backend.name };
      before(async () => {
        ctx.database = await backend.get();
        await resetDatabase(ctx.database);
      });
      fn(ctx);
    });
  }
}

export async function closeTestDatabases(): Promise<void> {
  for (const p of opened.values()) await (await p).close();
  opened.clear();
}
