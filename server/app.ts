import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { bodyGuard } from './http/body-guard.js';
import { compress } from './http/compress.js';
import type { SurveyPayloadSource } from './http/survey-document.js';
import { editionPayload } from './collection/edition-payload.js';
import { securityHeaders } from './http/security-headers.js';
import { textGuard } from './http/text-guard.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { requestLog } from './http/request-log.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { releaseRoutes } from './routes/releases.js';
import type { ReleaseService } from './releases/service.js';
import { surveyRoutes, type SurveyConfig } from './routes/collection/index.js';
import { authenticate } from './auth/middleware.js';
import { codeHasher, resolveCodeSecret } from './collection/code-hash.js';
import { workspaceRoutes, type WorkspaceOptions } from './routes/admin/index.js';
import { privacyRoutes } from './routes/privacy.js';

export interface AppDeps {
  config: Pick<Config, 'bodyLimitBytes' | 'trustProxy' | 'nodeEnv'> &
    Partial<Pick<Config, 'behindTls'>> &
    SurveyConfig &
    WorkspaceOptions;
  database: Database;
  logger: Logger;
  /** Serves the browser client (static build or Vite middleware); mounted after the API. */
  client?: RequestHandler;
  /** Signed releases: the public read API serves their static export (absent: no public data). */
  releases?: ReleaseService;
}

/** The Express application, without `listen`, so tests and the CLI decide how it is served. */
export function createApp({ config, database, logger, client, releases }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.use(compress());
  app.use(requestLog(logger));
  app.use(healthRoutes(database));

  const api = express.Router();
  api.use(express.json({ limit: config.bodyLimitBytes }));
  api.use(bodyGuard);
  api.use(textGuard);
  // Public release data first: it needs no session and no database (it is read from the export).
  if (releases) api.use('/v1', releaseRoutes(releases.files));
  // The static client answers unknown public pages with 404 by looking them up in the same export.
  if (releases) app.locals.publicFiles = releases.files;
  // The answering page's document inlines its survey (server/http/survey-document.ts).
  app.locals.surveyPayload = ((slug) => editionPayload(database.db, slug)) satisfies SurveyPayloadSource;
  api.use(authenticate(database.db));
  // One code hasher for the respondent routes and the workspace's code batches.
  const hasher = codeHasher(resolveCodeSecret(config));
  api.use('/v1', workspaceRoutes(database.db, config, hasher, releases));
  api.use('/v1', surveyRoutes(database.db, config, hasher));
  api.use('/v1', privacyRoutes(database.db, hasher, (config as Partial<Config>).firmDataRetentionDays));
  api.use(openApiRoutes());
  api.use(apiNotFound);
  app.use('/api', api);

  if (client) app.use(client);
  app.use(errorHandler(logger));
  return app;
}
