import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { IndexColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

export interface UpsertCount {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const emptyCount = (): UpsertCount => ({ inserted: 0, updated: 0, unchanged: 0 });

/**
 * Inserts rows, updating a conflicting row only where a value differs, so that re-running an import
 * rewrites nothing. Counts come from `xmax = 0` (a fresh tuple) on the rows PostgreSQL returns.
 */
export async function upsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  target: IndexColumn[],
  updateKeys: Array<keyof T['$inferInsert'] & string>,
  chunk = 500,
): Promise<UpsertCount> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const count = emptyCount();
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    let query = db.insert(table).values(part as never);
    let returned: Array<{ inserted: boolean }>;
    if (updateKeys.length === 0) {
      returned = (await query
        .onConflictDoNothing({ target })
        .returning({ inserted: sql<boolean>`(xmax = 0)` })) as never;
    } else {
      const set: Record<string, SQL> = {};
      const changed: SQL[] = [];
      for (const key of updateKeys) {
        const name = columns[key]!.name;
        set[key] = sql.raw(`excluded."${name}"`);
        changed.push(sql`${table}.${sql.identifier(name)} is distinct from ${sql.raw(`excluded."${name}"`)}`);
      }
      returned = (await query
        .onConflictDoUpdate({
          target,
          set: set as PgUpdateSetSource<T>,
          setWhere: sql.join(changed, sql` or `),
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` })) as never;
    }
    query = undefined as never;
    const inserted = returned.filter((r) => r.inserted).length;
    count.inserted += inserted;
    count.updated += returned.length - inserted;
    count.unchanged += part.length - returned.length;
  }
  return count;
}
