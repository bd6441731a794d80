import { timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '#server/db/client.js';
import type { Role } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { hasRole, maybeActor, setActor, unauthenticated, type Actor } from './actor.js';
import { SESSION_HOURS, sessionActor, tokenActor } from './sessions.js';
import { serverMessage } from '#server/http/messages.js';

export const SESSION_COOKIE = 'ddci_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const csrfRejected = new WeakSet<Request>();

export const sessionCookie = (req: Request): string | undefined =>
  parseCookies(req.get('cookie') ?? '')[SESSION_COOKIE];

/** HttpOnly, SameSite=Strict, and Secure whenever the request came over TLS (directly or via a trusted proxy). */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_HOURS * 3_600_000,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}

const csrfFailed = () => new HttpError(403, 'csrf_failed', serverMessage('csrf_failed'));

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves who is calling (API token, else session cookie) for every /api request. A cookie
 * session must send its CSRF token on every state-changing request; a bearer token cannot be
 * sent by a foreign page, so it needs none. An unknown cookie leaves the request anonymous.
 */
export function authenticate(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const bearer = /^Bearer\s+(\S{16,200})$/i.exec(req.get('authorization') ?? '')?.[1];
    if (bearer) {
      const actor = await tokenActor(db, bearer);
      if (!actor) throw unauthenticated();
      setActor(req, actor);
      return next();
    }
    const cookie = sessionCookie(req);
    if (!cookie) return next();
    const actor = await sessionActor(db, cookie);
    if (!actor) return next();
    // Left anonymous rather than refused here, so public routes (a signed-in analyst trying the
    // survey) work as for anyone; `requireRole` then answers csrf_failed instead of 401.
    if (!SAFE.has(req.method) && !sameToken(req.get(CSRF_HEADER) ?? '', actor.csrfToken)) {
      csrfRejected.add(req);
      return next();
    }
    setActor(req, actor);
    next();
  };
}

/** A route guard that names its role; the authorisation test finds it on every admin route. */
export type RoleGuard = RequestHandler & { role: Role };

/** The signed-in actor, or 401 (csrf_failed for a session cookie sent without its token). */
export function signedIn(req: Request): Actor {
  const actor = maybeActor(req);
  if (!actor) throw csrfRejected.has(req) ? csrfFailed() : unauthenticated();
  return actor;
}

export function requireRole(role: Role): RoleGuard {
  const guard: RequestHandler = (req, _res, next) => {
    const actor = signedIn(req);
    if (actor.mustChangePassword)
      throw new HttpError(403, 'password_change_required', serverMessage('password_change_required'));
    if (!hasRole(actor, role)) throw new HttpError(403, 'forbidden', serverMessage('forbidden', { role }));
    next();
  };
  return Object.assign(guard, { role });
}
