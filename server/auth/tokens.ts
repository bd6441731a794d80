import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiTokenSummary, NewApiToken } from '#api/admin-users.js';
import { recordAudit } from '#server/audit/log.js';
import type { Db } from '#server/db/client.js';
import { apiTokens } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import type { Actor } from './actor.js';
import { randomToken, tokenHash } from './secrets.js';
import { serverMessage } from '#server/http/messages.js';

type TokenRow = typeof apiTokens.$inferSelect;

const summary = (t: TokenRow): ApiTokenSummary => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Issues a token for `userId`; the plain token is returned once and only its SHA-256 is kept. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  userId: number,
  name: unknown,
): Promise<NewApiToken> {
  const label = typeof name === 'string' ? name.trim().slice(0, 80) : '';
  if (!label) {
    const message = serverMessage('token_name_required');
    throw new HttpError(422, 'invalid_request', message, [{ path: '/name', code: 'required', message }]);
  }
  const token = randomToken('ddci_t_');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, name: label, tokenHash: tokenHash(token), prefix: token.slice(0, 12) })
      .returning();
    await recordAudit(tx, actor, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: row!.id,
      after: { userId, name: label, prefix: row!.prefix },
    });
    return { ...summary(row!), token };
  });
}

export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenSummary[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
  return rows.map(summary);
}

/** Revokes one of `userId`'s tokens (404 for someone else's, so ids reveal nothing). */
export async function revokeApiToken(db: Db, actor: Actor, userId: number, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new HttpError(404, 'not_found', serverMessage('not_found.token'));
    await recordAudit(tx, actor, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: id,
      before: { userId, name: row.name, prefix: row.prefix },
    });
  });
}
