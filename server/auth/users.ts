import type { Localized } from '#api/text.js';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { CreateUserBody, UpdateUserBody, UserSummary } from '#api/admin-users.js';
import { recordAudit } from '#server/audit/log.js';
import type { Db } from '#server/db/client.js';
import { ROLES, sessions, users } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import type { Actor } from './actor.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { serverMessage } from '#server/http/messages.js';

type UserRow = typeof users.$inferSelect;

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function summary(u: UserRow): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a user: no hash, no counters. */
const audited = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
});

const field = (path: string, code: string, message: Localized) =>
  new HttpError(422, 'invalid_request', message, [{ path, code, message }]);

export function checkNewUser(input: CreateUserBody): void {
  if (typeof input.username !== 'string' || !USERNAME.test(input.username.toLowerCase()))
    throw field('/username', 'invalid_username', serverMessage('invalid_username'));
  if (!(ROLES as readonly string[]).includes(input.role))
    throw field('/role', 'invalid_role', serverMessage('invalid_role'));
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw field('/password', 'weak_password', problem);
}

export async function createUser(db: Db, actor: Actor, input: CreateUserBody): Promise<UserSummary> {
  checkNewUser(input);
  const username = input.username.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (exists) throw field('/username', 'username_taken', serverMessage('username_taken', { username }));
    const displayName = (input.displayName ?? '').trim() || username;
    const [u] = await tx
      .insert(users)
      .values({ username, displayName, role: input.role, passwordHash })
      .returning();
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: u!.id,
      after: audited(u!),
    });
    return summary(u!);
  });
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  return (await db.select().from(users).orderBy(asc(users.username))).map(summary);
}

async function loadUser(db: Pick<Db, 'select'>, id: number): Promise<UserRow> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw new HttpError(404, 'not_found', serverMessage('not_found.account'));
  return u;
}

/** Role, display name, disable/enable; disabling or a role change ends the user's sessions. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateUserBody,
): Promise<UserSummary> {
  if (input.role !== undefined && !(ROLES as readonly string[]).includes(input.role))
    throw field('/role', 'invalid_role', serverMessage('invalid_role'));
  if (id === actor.id && (input.disabled === true || (input.role && input.role !== 'admin')))
    throw field('/role', 'self_demotion', serverMessage('self_demotion'));
  return db.transaction(async (tx) => {
    const before = await loadUser(tx, id);
    const patch: Partial<UserRow> = {};
    if (typeof input.displayName === 'string' && input.displayName.trim())
      patch.displayName = input.displayName.trim();
    if (input.role) patch.role = input.role;
    if (typeof input.disabled === 'boolean') patch.disabled = input.disabled;
    const [after] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
    if (patch.disabled || (patch.role && patch.role !== before.role))
      await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: audited(before),
      after: audited(after!),
    });
    return summary(after!);
  });
}

/** Admin reset: a temporary password, the lock lifted, sessions ended, a change forced at sign-in. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  id: number,
  password: string,
): Promise<UserSummary> {
  const before = await loadUser(db, id);
  const problem = passwordProblem(password, before.username);
  if (problem) throw field('/password', 'weak_password', problem);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: id !== actor.id,
        failedLogins: 0,
        lockedUntil: null,
        passwordChangedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      before: audited(before),
      after: audited(after!),
    });
    return summary(after!);
  });
}

/** A user's own change; other sessions of the user end. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  current: string,
  next: string,
  keepSessionHash: string | null,
): Promise<void> {
  const u = await loadUser(db, actor.id ?? -1);
  if (!(await verifyPassword(u.passwordHash, String(current ?? ''))))
    throw field('/currentPassword', 'wrong_password', serverMessage('wrong_password'));
  const problem = passwordProblem(next, u.username);
  if (problem) throw field('/newPassword', 'weak_password', problem);
  if (next === current) throw field('/newPassword', 'same_password', serverMessage('same_password'));
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, u.id));
    await tx
      .delete(sessions)
      .where(
        keepSessionHash
          ? and(eq(sessions.userId, u.id), ne(sessions.idHash, keepSessionHash))
          : eq(sessions.userId, u.id),
      );
    await recordAudit(tx, actor, { action: 'user.change_password', entityType: 'user', entityId: u.id });
  });
}
