import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditQuery } from '#api/admin-audit.js';
import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import { auditLog } from '#server/db/schema/index.js';
import { auditDiff } from './diff.js';
import { sanitizeForAudit } from './sanitize.js';

/** A transaction or the database: audit rows are written with the change they record. */
export type Tx = Pick<Db, 'insert' | 'select' | 'update' | 'delete' | 'execute'>;

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  familyCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit entry; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, actor: Actor, rec: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actor: actor.username,
    action: rec.action,
    entityType: rec.entityType,
    entityId: rec.entityId === undefined || rec.entityId === null ? null : String(rec.entityId),
    familyCode: rec.familyCode ?? null,
    before: sanitizeForAudit(rec.before ?? null),
    after: sanitizeForAudit(rec.after ?? null),
  });
}

const PAGE = 100;

/** Newest first, filtered by actor, entity type, action prefix, family and date range. */
export async function listAudit(db: Db, q: AuditQuery): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const where: SQL[] = [];
  if (q.actor) where.push(eq(auditLog.actor, q.actor));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.family) where.push(eq(auditLog.familyCode, q.family));
  if (q.action) where.push(sql`${auditLog.action} like ${q.action.replace(/[%_\\]/g, '\\$&') + '%'}`);
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+07:00`)));
  if (q.to) where.push(lt(auditLog.at, new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000)));
  if (q.before) where.push(lt(auditLog.id, q.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(PAGE + 1);
  return {
    more: rows.length > PAGE,
    entries: rows.slice(0, PAGE).map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      family: r.familyCode,
      changes: auditDiff(r.before, r.after),
    })),
  };
}
