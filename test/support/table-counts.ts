import { sql } from 'drizzle-orm';
import type { Database } from '#server/db/client.js';

/** Row count of every application table, to prove that a refused request changed nothing. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const result = await database.db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const rows =
    (result as unknown as { rows?: Array<{ tablename: string }> }).rows ??
    (result as unknown as Array<{ tablename: string }>);
  const counts: Record<string, number> = {};
  for (const { tablename } of rows) {
    const r = await database.db.execute<{ n: number }>(
      sql.raw(`select count(*)::int as n from "${tablename}"`),
    );
    const [first] =
      (r as unknown as { rows?: Array<{ n: number }> }).rows ?? (r as unknown as Array<{ n: number }>);
    counts[tablename] = first!.n;
  }
  return counts;
}
