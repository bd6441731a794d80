import type { Request } from 'express';
import type { Role } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

/** Who is making a change: a signed-in user, a user's API token, or the command line. */
export interface Actor {
  id: number | null;
  username: string;
  role: Role;
  /** How the request was authenticated; cookie sessions need a CSRF token on writes. */
  via: 'session' | 'token' | 'cli';
  /** Set for a session whose password an admin reset: only the password change is allowed. */
  mustChangePassword?: boolean;
}

export const CLI_ACTOR: Actor = { id: null, username: 'cli', role: 'admin', via: 'cli' };

/** admin ⊇ analyst ⊇ viewer. */
const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };
export const hasRole = (actor: Actor, role: Role): boolean => RANK[actor.role] >= RANK[role];

const actors = new WeakMap<Request, Actor>();
export const setActor = (req: Request, actor: Actor): void => void actors.set(req, actor);
export const maybeActor = (req: Request): Actor | undefined => actors.get(req);

/** The authenticated actor of a request; routes behind `requireRole` always have one. */
export function actorOf(req: Request): Actor {
  const actor = actors.get(req);
  if (!actor) throw unauthenticated();
  return actor;
}

export const unauthenticated = (): HttpError =>
  new HttpError(401, 'unauthenticated', serverMessage('unauthenticated'));
