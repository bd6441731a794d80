import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { apiTokens, sessions, users } from '#server/db/schema/index.js';
import type { Actor } from './actor.js';
import { randomToken, tokenHash } from './secrets.js';

/** A session ends 12 hours after sign-in, or after 2 idle hours, whichever comes first. */
export const SESSION_HOURS = 12;
export const IDLE_MINUTES = 120;
const HOUR = 3_600_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, userId: number): Promise<NewSession> {
  const token = randomToken('ddci_s_');
  const csrfToken = randomToken('');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * HOUR);
  // Expired sessions are cleared on sign-in, so the table stays small without a timer.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.insert(sessions).values({ idHash: tokenHash(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export interface SessionActor extends Actor {
  csrfToken: string;
  displayName: string;
}

/** The user behind a session cookie, or null when it is unknown, expired, idle or the user disabled. */
export async function sessionActor(db: Db, token: string): Promise<SessionActor | null> {
  const now = new Date();
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, tokenHash(token)), gt(sessions.expiresAt, now)));
  if (!row || row.u.disabled) return null;
  if (now.getTime() - row.s.lastSeenAt.getTime() > IDLE_MINUTES * 60_000) {
    await db.delete(sessions).where(eq(sessions.idHash, row.s.idHash));
    return null;
  }
  // Touch at most once a minute: reads stay reads.
  if (now.getTime() - row.s.lastSeenAt.getTime() > 60_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, row.s.idHash));
  return {
    id: row.u.id,
    username: row.u.username,
    role: row.u.role,
    via: 'session',
    mustChangePassword: row.u.mustChangePassword,
    csrfToken: row.s.csrfToken,
    displayName: row.u.displayName,
  };
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, tokenHash(token)));
}

/** The user behind an API token, or null when it is unknown, revoked or the user disabled. */
export async function tokenActor(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ t: apiTokens, u: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash(token)), isNull(apiTokens.revokedAt)));
  if (!row || row.u.disabled) return null;
  const now = new Date();
  if (!row.t.lastUsedAt || now.getTime() - row.t.lastUsedAt.getTime() > 60_000)
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  return { id: row.u.id, username: row.u.username, role: row.u.role, via: 'token' };
}
