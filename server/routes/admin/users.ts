import { Router } from 'express';
import type { CreateUserBody, ResetPasswordBody, UpdateUserBody } from '#api/admin-users.js';
import { actorOf } from '#server/auth/actor.js';
import { requireRole } from '#server/auth/middleware.js';
import { createApiToken, listApiTokens, revokeApiToken } from '#server/auth/tokens.js';
import { createUser, listUsers, resetPassword, updateUser } from '#server/auth/users.js';
import type { Db } from '#server/db/client.js';
import { validate } from '#server/http/validate.js';
import createUserSchema from '#api/schemas/admin/create-user.schema.json' with { type: 'json' };
import updateUserSchema from '#api/schemas/admin/update-user.schema.json' with { type: 'json' };
import resetSchema from '#api/schemas/admin/reset-password.schema.json' with { type: 'json' };
import tokenSchema from '#api/schemas/admin/create-token.schema.json' with { type: 'json' };
import idParams from '#api/schemas/admin/id-params.schema.json' with { type: 'json' };

const ids = (req: { params: Record<string, unknown> }, k = 'id') => Number(req.params[k]);

/** Accounts (admin) and each user's own API tokens (any role), under /api/v1/admin. */
export function userRoutes(db: Db): Router {
  const router = Router();
  const admin = requireRole('admin');
  const anyone = requireRole('viewer');

  router.get('/admin/users', admin, async (_req, res) => {
    res.json({ users: await listUsers(db) });
  });
  router.post(
    '/admin/users',
    admin,
    validate<CreateUserBody>({ body: createUserSchema }),
    async (req, res) => {
      res.status(201).json(await createUser(db, actorOf(req), req.body));
    },
  );
  router.patch(
    '/admin/users/:id',
    admin,
    validate<UpdateUserBody>({ params: idParams, body: updateUserSchema }),
    async (req, res) => {
      res.json(await updateUser(db, actorOf(req), ids(req), req.body));
    },
  );
  router.post(
    '/admin/users/:id/password',
    admin,
    validate<ResetPasswordBody>({ params: idParams, body: resetSchema }),
    async (req, res) => {
      res.json(await resetPassword(db, actorOf(req), ids(req), req.body.password));
    },
  );
  router.get('/admin/users/:id/tokens', admin, validate({ params: idParams }), async (req, res) => {
    res.json({ tokens: await listApiTokens(db, ids(req)) });
  });
  router.delete(
    '/admin/users/:id/tokens/:tokenId',
    admin,
    validate({ params: idParams }),
    async (req, res) => {
      await revokeApiToken(db, actorOf(req), ids(req), ids(req, 'tokenId'));
      res.status(204).end();
    },
  );

  router.get('/admin/me/tokens', anyone, async (req, res) => {
    res.json({ tokens: await listApiTokens(db, actorOf(req).id!) });
  });
  router.post(
    '/admin/me/tokens',
    anyone,
    validate<{ name: string }>({ body: tokenSchema }),
    async (req, res) => {
      const actor = actorOf(req);
      res.set('Cache-Control', 'no-store');
      res.status(201).json(await createApiToken(db, actor, actor.id!, req.body.name));
    },
  );
  router.delete('/admin/me/tokens/:tokenId', anyone, validate({ params: idParams }), async (req, res) => {
    const actor = actorOf(req);
    await revokeApiToken(db, actor, actor.id!, ids(req, 'tokenId'));
    res.status(204).end();
  });
  return router;
}
