import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { openDatabaseWaiting } from './db/open-waiting.js';
import { checkCodeSecret } from './db/code-secret-check.js';
import { safeError } from './http/error-handler.js';
import { seedDatabase, type Progress } from './seed/index.js';
import { currentSnapshot } from './seed/snapshot.js';
import { isEmptyDataFolder } from './db/embedded.js';
import { ensureOpenDemoSurvey } from './seed/demo-open.js';
import { startReleases } from './releases/start.js';
import { codeHasher, resolveCodeSecret } from './collection/code-hash.js';
import { startCollectionJobs } from './collection/jobs.js';
import { startRetentionJob } from './privacy/retention-job.js';

export interface Running {
  server: Server;
  database: Database;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** On a first start of the embedded database with seeding, the current build-time snapshot, if any. */
function firstStartSnapshot(config: Config, progress: Progress): string | undefined {
  if (!config.seed || !isEmptyDataFolder(config.dbDir)) return undefined;
  const snapshot = currentSnapshot();
  progress(
    snapshot
      ? 'Restoring the PCI history and the demo province from the build snapshot (npm run build:snapshot)…'
      : 'No current build snapshot (npm run build:snapshot): seeding through the live path, which takes minutes…',
  );
  return snapshot;
}

/** Opens and migrates the database, seeds it if empty, and serves the app. */
export async function startServer(
  config: Config,
  logger: Logger,
  opts: { client?: RequestHandler; progress?: Progress } = {},
): Promise<Running> {
  const progress = opts.progress ?? (() => {});
  progress(
    config.databaseUrl
      ? 'Connecting to PostgreSQL (DATABASE_URL)…'
      : `Opening the embedded database in ${config.dbDir}…`,
  );
  const database = await openDatabaseWaiting(
    config.databaseUrl
      ? {
          url: config.databaseUrl,
          pool: config.databasePool,
          onError: (err) =>
            logger.warn(
              { err: safeError(err) },
              'database connection lost; the pool reconnects on the next query',
            ),
        }
      : {
          dataDir: config.dbDir,
          purpose: 'the server (npm start)',
          restore: firstStartSnapshot(config, progress),
        },
    progress,
  );
  await database.migrate();
  await checkCodeSecret(database.db, resolveCodeSecret(config)).catch(async (e: unknown) => {
    await database.close();
    throw e;
  });
  if (config.seed) {
    await seedDatabase(database.db, progress);
    await ensureOpenDemoSurvey(database.db, codeHasher(resolveCodeSecret(config)), progress);
  }
  const releases = await startReleases(database.db, config, progress);
  // Resumes the mixer at once: submissions acknowledged before a crash are stored now.
  const jobs = startCollectionJobs(
    database.db,
    codeHasher(resolveCodeSecret(config)),
    config.collection,
    logger,
  );
  // Firm data used to send codes is deleted FIRM_DATA_RETENTION_DAYS after an edition closes.
  const retention = startRetentionJob(
    database.db,
    {
      firmDataDays: config.firmDataRetentionDays,
      auditDetailDays: config.audit.detailDays,
      auditDays: config.audit.retentionDays,
      mixMaxDelayDays: config.collection.maxDelayMs / 86_400_000,
    },
    logger,
  );
  const app = createApp({ config, database, logger, client: opts.client, releases });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let closing: Promise<void> | undefined;
  return {
    server,
    database,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        retention.stop();
        await jobs.stop();
        await database.close();
      })()),
  };
}
