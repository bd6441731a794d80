import { Router } from 'express';
import type { Config } from '#server/config.js';
import type { Db } from '#server/db/client.js';
import { codeHasher, resolveCodeSecret, type CodeHasher } from '#server/collection/code-hash.js';
import { surveyAdminRoutes } from './admin.js';
import { surveyPublicRoutes } from './public.js';
import { visitRoutes } from '#server/routes/visit/index.js';
import type { VISIT_LIMITS } from '#server/limits/visit.js';

export type SurveyConfig = Partial<Pick<Config, 'codeSecret' | 'dataDir' | 'publicUrl'>> & {
  /** Rejected codes per client per 15 minutes (tests lower it). */
  codeAttempts?: number;
  /** Visit limits per centre (tests lower them); see server/limits/visit.ts. */
  visitLimits?: Partial<typeof VISIT_LIMITS>;
};

/** Survey collection API under /api/v1: respondent routes and the analysts' admin routes. */
export function surveyRoutes(
  db: Db,
  config: SurveyConfig,
  hasher: CodeHasher = codeHasher(resolveCodeSecret(config)),
): Router {
  const router = Router();
  router.use(surveyPublicRoutes(db, hasher, config.codeAttempts));
  router.use(surveyAdminRoutes(db, hasher));
  router.use(visitRoutes(db, hasher, { limits: config.visitLimits, publicUrl: config.publicUrl }));
  return router;
}
