// The retention rules of everything personal or linkable the platform keeps (docs/data-inventory.md),
// applied by one pass: firm data and the edition's leftovers some days after it closes, sessions
// and abuse-limit counters once expired, revoked API tokens after a while, and the audit log's
// record details, then its rows, after their periods. Drafts are purged by the collection job
// (server/collection/drafts.ts), which also rewrites their table.
import { and, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import {
  apiTokens,
  auditLog,
  openSubmissions,
  pendingSubmissions,
  rateLimits,
  sessions,
  surveyEditions,
} from '#server/db/schema/index.js';
import { purgeExpiredFirmData } from './firm-data.js';

export interface RetentionPolicy {
  /** FIRM_DATA_RETENTION_DAYS: firm data and an edition's leftovers, counted from its close. */
  firmDataDays: number;
  /** AUDIT_DETAIL_DAYS: the before/after records of audit entries (who, what and when stay). */
  auditDetailDays: number;
  /** AUDIT_RETENTION_DAYS: audit entries themselves. */
  auditDays: number;
  /** MIX_MAX_DELAY_HOURS in days: pending rows are never deleted before the mixer's final batch is due. */
  mixMaxDelayDays?: number;
}

export const DEFAULT_POLICY: RetentionPolicy = { firmDataDays: 90, auditDetailDays: 365, auditDays: 1825 };

/** Revoked API tokens (name, prefix, times of use) are kept this long for the audit trail. */
export const REVOKED_TOKEN_DAYS = 90;

export interface RetentionCounts {
  firmData: number;
  /** Pending submissions the mixer could not store (sealed under another CODE_SECRET). */
  pendingLeftovers: number;
  openSubmissions: number;
  sessions: number;
  rateLimits: number;
  revokedTokens: number;
  auditDetails: number;
  auditEntries: number;
}

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Editions that closed more than `days` before `now`, as a subquery. */
const closedBefore = (db: Db, days: number, now: Date) =>
  db
    .select({ id: surveyEditions.id })
    .from(surveyEditions)
    .where(lt(surveyEditions.closesOn, dayOf(new Date(now.getTime() - days * DAY))));

/** One pass of every retention rule at `now`; returns how many rows each rule removed or cleared. */
export async function applyRetention(
  db: Db,
  policy: RetentionPolicy,
  now = new Date(),
): Promise<RetentionCounts> {
  const closed = closedBefore(db, policy.firmDataDays, now);
  // Leftovers wait at least a week past the mixer's final batch, which stores every readable row.
  const leftoverDays = Math.max(policy.firmDataDays, Math.ceil(policy.mixMaxDelayDays ?? 3) + 7);
  const closedForLeftovers = closedBefore(db, leftoverDays, now);
  const count = async (q: Promise<unknown[]>) => (await q).length;
  const auditDetailsBefore = new Date(now.getTime() - policy.auditDetailDays * DAY);
  return {
    firmData: await purgeExpiredFirmData(db, policy.firmDataDays, dayOf(now)),
    pendingLeftovers: await count(
      db
        .delete(pendingSubmissions)
        .where(inArray(pendingSubmissions.surveyEditionId, closedForLeftovers))
        .returning({ id: pendingSubmissions.id }),
    ),
    openSubmissions: await count(
      db
        .delete(openSubmissions)
        .where(inArray(openSubmissions.surveyEditionId, closed))
        .returning({ h: openSubmissions.submissionHash }),
    ),
    sessions: await count(
      db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ h: sessions.idHash }),
    ),
    rateLimits: await count(
      db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ k: rateLimits.key }),
    ),
    revokedTokens: await count(
      db
        .delete(apiTokens)
        .where(lt(apiTokens.revokedAt, new Date(now.getTime() - REVOKED_TOKEN_DAYS * DAY)))
        .returning({ id: apiTokens.id }),
    ),
    auditEntries: await count(
      db
        .delete(auditLog)
        .where(lt(auditLog.at, new Date(now.getTime() - policy.auditDays * DAY)))
        .returning({ id: auditLog.id }),
    ),
    auditDetails: await count(
      db
        .update(auditLog)
        .set({ before: null, after: null })
        .where(
          and(lt(auditLog.at, auditDetailsBefore), or(isNotNull(auditLog.before), isNotNull(auditLog.after))),
        )
        .returning({ id: auditLog.id }),
    ),
  };
}
