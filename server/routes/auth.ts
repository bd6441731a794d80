import { Router, type RequestHandler } from 'express';
import type { ChangePasswordBody, LoginBody, Me } from '#api/admin-users.js';
import loginSchema from '#api/schemas/admin/login.schema.json' with { type: 'json' };
import changeSchema from '#api/schemas/admin/change-password.schema.json' with { type: 'json' };
import { validate } from '#server/http/validate.js';
import { maybeActor, unauthenticated } from '#server/auth/actor.js';
import { login } from '#server/auth/login.js';
import { loginLimiter } from '#server/auth/login-limit.js';
import { clearSessionCookie, sessionCookie, setSessionCookie, signedIn } from '#server/auth/middleware.js';
import { tokenHash } from '#server/auth/secrets.js';
import { destroySession, sessionActor } from '#server/auth/sessions.js';
import { changeOwnPassword } from '#server/auth/users.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import type { Db } from '#server/db/client.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

const notJson = () => new HttpError(415, 'json_required', serverMessage('json_required'));

/** Sign-in, sign-out, the current user and password change, under /api/v1/auth. */
export function authRoutes(db: Db, hasher: CodeHasher, opts: { loginAttempts?: number } = {}): Router {
  const router = Router();
  const limiter = loginLimiter(db, hasher, opts.loginAttempts);

  // JSON only: a cross-site form cannot send it without a preflight, which closes login CSRF.
  const jsonOnly: RequestHandler = (req, _res, next) => {
    if (!req.is('application/json')) throw notJson();
    next();
  };
  router.post(
    '/auth/login',
    limiter.check,
    jsonOnly,
    validate<LoginBody>({ body: loginSchema }),
    async (req, res) => {
      const { user, session } = await login(db, req.body.username, req.body.password).catch(
        async (err: unknown) => {
          await limiter.record(req, err);
          throw err;
        },
      );
      setSessionCookie(req, res, session.token);
      res.set('Cache-Control', 'no-store');
      const me: Me = {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          mustChangePassword: user.mustChangePassword,
        },
        csrfToken: session.csrfToken,
      };
      res.json(me);
    },
  );

  router.post('/auth/logout', async (req, res) => {
    const cookie = sessionCookie(req);
    if (cookie && maybeActor(req)) await destroySession(db, cookie);
    else if (cookie) throw unauthenticated();
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get('/auth/me', async (req, res) => {
    const cookie = sessionCookie(req);
    const actor = cookie ? await sessionActor(db, cookie) : null;
    if (!actor) throw unauthenticated();
    res.set('Cache-Control', 'no-store');
    const me: Me = {
      user: {
        id: actor.id!,
        username: actor.username,
        displayName: actor.displayName,
        role: actor.role,
        mustChangePassword: actor.mustChangePassword ?? false,
      },
      csrfToken: actor.csrfToken,
    };
    res.json(me);
  });

  // Open to a user whose password an admin reset (the role guards refuse everything else).
  router.post('/auth/password', validate<ChangePasswordBody>({ body: changeSchema }), async (req, res) => {
    const actor = signedIn(req);
    const cookie = sessionCookie(req);
    await changeOwnPassword(
      db,
      actor,
      req.body.currentPassword,
      req.body.newPassword,
      actor.via === 'session' && cookie ? tokenHash(cookie) : null,
    );
    res.status(204).end();
  });

  return router;
}
