import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { codeHasher } from '#server/collection/code-hash.js';
import { issueCodes } from '#server/collection/codes.js';
import { requireEdition } from '#server/collection/editions.js';
import {
  apiTokens,
  auditLog,
  codeFirms,
  openSubmissions,
  pendingSubmissions,
  rateLimits,
  sessions,
  users,
} from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { applyRetention, DEFAULT_POLICY } from '#server/privacy/retention.js';
import { startRetentionJob } from '#server/privacy/retention-job.js';
import { describeEachDatabase } from '#test/support/db.js';
import { CODE_SECRET, publishEdition, seedFamily, testApp } from '#test/server/collection/support.js';

const DAY = 86_400_000;
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

describeEachDatabase('retention of everything personal or linkable (applyRetention)', (ctx) => {
  let editionId: number;
  let userId: number;
  const db = () => ctx.database.db;

  before(async () => {
    await seedFamily(db());
    const slug = await publishEdition(testApp(ctx.database).app, { closesOn: '2030-06-30', openMode: true });
    editionId = (await requireEdition(db(), slug)).id;
    userId = (await db().select({ id: users.id }).from(users))[0]!.id;
    await issueCodes(db(), codeHasher(CODE_SECRET), editionId, [{ firmRef: 'FIRM-9', size: '1' }]);
    // A submission sealed under another secret (the mixer cannot store it) and an idempotency key.
    await db()
      .insert(pendingSubmissions)
      .values({ id: randomUUID(), surveyEditionId: editionId, coded: false, sealed: randomBytes(64) });
    await db()
      .insert(openSubmissions)
      .values({ submissionHash: 'h'.repeat(64), surveyEditionId: editionId });
  });

  it('applyRetention(db, policy, now) deletes expired sessions, limit counters and long-revoked tokens, and strips then deletes old audit entries', async () => {
    const now = new Date('2030-07-05T00:00:00Z');
    await db()
      .insert(sessions)
      .values([
        { idHash: 'expired', userId, csrfToken: 'x', expiresAt: ago(now, 1) },
        { idHash: 'live', userId, csrfToken: 'y', expiresAt: ago(now, -1) },
      ]);
    await db()
      .insert(rateLimits)
      .values([
        { key: 'old', points: 3, expire: ago(now, 0.01) },
        { key: 'current', points: 1, expire: ago(now, -0.01) },
      ]);
    const token = (name: string, revokedAt: Date | null) => ({
      userId,
      name,
      tokenHash: randomUUID(),
      prefix: 'ddci_t_x',
      revokedAt,
    });
    await db()
      .insert(apiTokens)
      .values([
        token('long revoked', ago(now, 91)),
        token('just revoked', ago(now, 5)),
        token('in use', null),
      ]);
    const entry = (id: string, days: number) => ({
      at: ago(now, days),
      actor: 'test-analyst',
      action: 'update',
      entityType: 'unit',
      entityId: id,
      before: { name: 'old' },
      after: { name: 'new' },
    });
    await db().delete(auditLog); // the set-up's own entries, written today
    await db()
      .insert(auditLog)
      .values([entry('recent', 10), entry('a year old', 400), entry('six years old', 2200)]);

    const counts = await applyRetention(db(), DEFAULT_POLICY, now);
    expect(counts).to.deep.include({
      sessions: 1,
      rateLimits: 1,
      revokedTokens: 1,
      auditDetails: 1,
      auditEntries: 1,
    });
    expect(counts).to.deep.include({ firmData: 0, pendingLeftovers: 0, openSubmissions: 0 }); // closed 5 days ago
    expect((await db().select({ h: sessions.idHash }).from(sessions)).map((r) => r.h)).to.deep.equal([
      'live',
    ]);
    expect((await db().select({ k: rateLimits.key }).from(rateLimits)).map((r) => r.k)).to.deep.equal([
      'current',
    ]);
    const names = (await db().select({ n: apiTokens.name }).from(apiTokens)).map((r) => r.n);
    expect(names.filter((n) => n !== 'test').sort()).to.deep.equal(['in use', 'just revoked']);
    const audit = await db()
      .select({
        id: auditLog.entityId,
        actor: auditLog.actor,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog);
    expect(audit.sort((a, b) => String(a.id).localeCompare(String(b.id)))).to.deep.equal([
      { id: 'a year old', actor: 'test-analyst', before: null, after: null },
      { id: 'recent', actor: 'test-analyst', before: { name: 'old' }, after: { name: 'new' } },
    ]);
    expect(await applyRetention(db(), DEFAULT_POLICY, now)).to.deep.include({ auditDetails: 0, sessions: 0 });
  });

  it('applyRetention(db, policy, now) deletes firm data, unstorable pending submissions and open-mode keys 90 days after close, not before', async () => {
    const day89 = await applyRetention(db(), DEFAULT_POLICY, new Date('2030-09-28T12:00:00Z'));
    expect(day89).to.deep.include({ firmData: 0, pendingLeftovers: 0, openSubmissions: 0 });
    const day90 = await applyRetention(db(), DEFAULT_POLICY, new Date('2030-09-29T12:00:00Z'));
    expect(day90).to.deep.include({ firmData: 1, pendingLeftovers: 1, openSubmissions: 1 });
    for (const table of [codeFirms, pendingSubmissions, openSubmissions])
      expect(await db().select().from(table)).to.deep.equal([]);
  });

  it('pending submissions wait for the mixer: never deleted before its final batch is due plus a week', async () => {
    await db()
      .insert(pendingSubmissions)
      .values({ id: randomUUID(), surveyEditionId: editionId, coded: false, sealed: randomBytes(64) });
    const slowMixer = { ...DEFAULT_POLICY, mixMaxDelayDays: 120 };
    expect(await applyRetention(db(), slowMixer, new Date('2030-10-30T12:00:00Z'))).to.deep.include({
      pendingLeftovers: 0,
    });
    expect(await applyRetention(db(), slowMixer, new Date('2030-11-06T12:00:00Z'))).to.deep.include({
      pendingLeftovers: 1,
    });
  });

  it('startRetentionJob runs a pass at start: an expired session is gone without any request', async () => {
    await db()
      .insert(sessions)
      .values({ idHash: 'stale', userId, csrfToken: 'z', expiresAt: new Date(Date.now() - 60_000) });
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) });
    const job = startRetentionJob(db(), DEFAULT_POLICY, createLogger('info', sink));
    try {
      for (let i = 0; i < 100; i++) {
        if ((await db().select().from(sessions).where(eq(sessions.idHash, 'stale'))).length === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await db().select().from(sessions).where(eq(sessions.idHash, 'stale'))).to.deep.equal([]);
    } finally {
      job.stop();
    }
  });
});
