import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openEmbedded } from './embedded.js';
import { enableGroupCommit } from './group-commit.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** Either backend: PGlite and node-postgres share Drizzle's PostgreSQL query builder. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Run the migrations kept in server/db/migrations (idempotent). */
  migrate(): Promise<void>;
  /** A cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  /** PostgreSQL: every pooled connection is checked out and requests wait for one (overload). */
  saturated?(): boolean;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * A PostgreSQL server (`onError` hears about connections the server dropped while idle), an embedded
 * data folder (locked for this process; `purpose` names it in the message another opener gets), or
 * an in-memory PGlite for tests. `restore`: a data folder to copy into an empty one first.
 */
export type DatabaseTarget =
  | { url: string; onError?: (err: Error) => void; pool?: PoolSettings }
  | { dataDir: string; purpose?: string; restore?: string | undefined }
  | { memory: true };

/** The PostgreSQL pool: connections, and how long a query waits for one before a 503 database_busy. */
export interface PoolSettings {
  max: number;
  waitMs: number;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url, target.onError, target.pool);
  const embedded =
    'dataDir' in target
      ? await openEmbedded(
          target.dataDir,
          target.purpose ?? path.basename(process.argv[1] ?? 'node'),
          target.restore,
        )
      : undefined;
  const client = embedded?.client ?? new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  // One connection: concurrent submissions share a COMMIT and its fsync (group-commit.ts).
  enableGroupCommit(db);
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        embedded?.lock.release();
      }
    },
  };
}

async function openPostgres(
  url: string,
  onError?: (err: Error) => void,
  settings: PoolSettings = { max: 10, waitMs: 10_000 },
): Promise<Database> {
  // A bounded connect wait: while the server is unreachable, requests fail fast (503) instead of
  // queueing; with every connection in use, a request waits at most `waitMs` (then 503 busy).
  // Pooled connections the server drops (restart, failover) emit 'error' on the pool; an unhandled
  // 'error' event would end the process, so it is heard here and the pool reconnects on the next query.
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    connectionTimeoutMillis: settings.waitMs,
  });
  pool.on('error', (err) => onError?.(err));
  // A client checked out between two queries (inside a transaction) emits 'error' on itself, not
  // on the pool, when the server goes away; without a listener that too would end the process.
  // Its next query then fails, and the request gets a 503.
  pool.on('connect', (client) => client.on('error', (err) => onError?.(err)));
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder }),
    ping: async () => {
      await pool.query('select 1');
    },
    saturated: () => pool.waitingCount > 0 && pool.idleCount === 0 && pool.totalCount >= settings.max,
    close: () => pool.end(),
  };
}
