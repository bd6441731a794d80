import { Router } from 'express';
import type { Db } from '#server/db/client.js';
import { authRoutes } from '#server/routes/auth.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { auditRoutes } from './audit.js';
import { deliveryRoutes } from './delivery.js';
import { editionRoutes } from './editions.js';
import { methodologyRoutes } from './methodology.js';
import type { ReleaseService } from '#server/releases/service.js';
import { setupRoutes } from './setup.js';
import { userRoutes } from './users.js';

export interface WorkspaceOptions {
  /** Failed sign-ins per address per 15 minutes (tests lower it). */
  loginAttempts?: number;
}

/** Sign-in and the analyst workspace API under /api/v1 (every /admin route names its role). */
export function workspaceRoutes(
  db: Db,
  opts: WorkspaceOptions,
  hasher: CodeHasher,
  releases?: ReleaseService,
): Router {
  const router = Router();
  router.use(authRoutes(db, hasher, opts));
  router.use(userRoutes(db));
  router.use(auditRoutes(db));
  router.use(setupRoutes(db));
  router.use(editionRoutes(db, hasher));
  router.use(methodologyRoutes(db, releases));
  router.use(deliveryRoutes(db));
  return router;
}
