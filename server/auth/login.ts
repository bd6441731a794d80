import { eq, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { users } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { recordAudit } from '#server/audit/log.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { createSession, type NewSession } from './sessions.js';
import { serverMessage } from '#server/http/messages.js';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

type UserRow = typeof users.$inferSelect;

const refused = () => new HttpError(401, 'login_failed', serverMessage('login_failed'));

export class AccountLocked extends HttpError {
  constructor(readonly until: Date) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    super(423, 'account_locked', serverMessage('account_locked', { minutes }));
  }
}

/**
 * Checks a password and opens a session. Unknown names cost the same argon2 verification as known
 * ones, and get the same answer. A locked account is refused without checking the password, so the
 * lock cannot be used as an oracle; failures are counted atomically in the user row.
 */
export async function login(
  db: Db,
  username: unknown,
  password: unknown,
): Promise<{ user: UserRow; session: NewSession }> {
  const name = typeof username === 'string' ? username.trim().toLowerCase() : '';
  const pw = typeof password === 'string' ? password.slice(0, 1024) : '';
  const [u] = name ? await db.select().from(users).where(eq(users.username, name)) : [];
  if (!u || u.disabled) {
    await verifyPassword(await dummyHash(), pw);
    throw refused();
  }
  if (u.lockedUntil && u.lockedUntil > new Date()) throw new AccountLocked(u.lockedUntil);
  if (!(await verifyPassword(u.passwordHash, pw))) {
    await recordFailure(db, u);
    throw refused();
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id));
  const session = await createSession(db, u.id);
  await recordAudit(
    db,
    { id: u.id, username: u.username, role: u.role, via: 'session' },
    {
      action: 'session.login',
      entityType: 'user',
      entityId: u.id,
    },
  );
  return { user: u, session };
}

async function recordFailure(db: Db, u: UserRow): Promise<void> {
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, u.id))
    .returning({ failed: users.failedLogins });
  if ((row?.failed ?? 0) < MAX_FAILED_LOGINS) return;
  const until = new Date(Date.now() + LOCK_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: until }).where(eq(users.id, u.id));
    await recordAudit(
      tx,
      { id: null, username: 'system', role: 'viewer', via: 'cli' },
      {
        action: 'user.locked',
        entityType: 'user',
        entityId: u.id,
        after: { username: u.username, lockedUntil: until.toISOString() },
      },
    );
  });
}
