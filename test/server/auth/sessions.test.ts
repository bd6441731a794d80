import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { auditLog, sessions, users } from '#server/db/schema/index.js';
import { MAX_FAILED_LOGINS } from '#server/auth/login.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser, signIn } from '#test/support/users.js';
import { workspaceApp } from './support.js';

describeEachDatabase('sign-in, sessions and CSRF', (ctx) => {
  it('POST /auth/login sets an HttpOnly SameSite=Strict cookie and answers the CSRF token', async () => {
    const u = await createTestUser(ctx.database.db, 'analyst');
    const res = await request(workspaceApp(ctx.database))
      .post('/api/v1/auth/login')
      .send({ username: u.username, password: u.password });
    expect(res.status).to.equal(200);
    expect(res.body.user).to.include({ username: u.username, role: 'analyst' });
    expect(res.body.csrfToken).to.be.a('string').with.length.above(30);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).to.match(/ddci_session=ddci_s_/);
    expect(cookie).to.match(/HttpOnly/);
    expect(cookie).to.match(/SameSite=Strict/);
    expect(cookie).not.to.match(/Secure/);
    const [row] = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(row!.idHash).to.match(/^[0-9a-f]{64}$/);
    expect(cookie).not.to.contain(row!.idHash);
  });

  it('the session cookie is Secure when the request came over TLS through a trusted proxy', async () => {
    const u = await createTestUser(ctx.database.db, 'viewer');
    const res = await request(workspaceApp(ctx.database, { trustProxy: true }))
      .post('/api/v1/auth/login')
      .set('x-forwarded-proto', 'https')
      .send({ username: u.username, password: u.password });
    expect(String(res.headers['set-cookie'])).to.match(/; Secure/);
  });

  it('a wrong password and an unknown user get the same 401', async () => {
    const u = await createTestUser(ctx.database.db, 'viewer');
    const app = workspaceApp(ctx.database);
    const wrong = await request(app)
      .post('/api/v1/auth/login')
      .send({ username: u.username, password: 'x'.repeat(12) });
    const unknown = await request(app)
      .post('/api/v1/auth/login')
      .send({ username: 'nobody', password: 'x'.repeat(12) });
    expect([wrong.status, unknown.status]).to.deep.equal([401, 401]);
    expect(wrong.body.error).to.deep.equal(unknown.body.error);
    expect(wrong.body.error.messages.vi).to.be.a('string').and.not.equal(wrong.body.error.messages.en);
  });

  it('a cookie session must send X-CSRF-Token on writes; a foreign token is refused and changes nothing', async () => {
    const admin = await createTestUser(ctx.database.db, 'admin');
    const app = workspaceApp(ctx.database);
    const { agent, csrf } = await signIn(app, admin.username, admin.password);
    const body = {
      username: 'csrf-victim',
      displayName: 'X',
      role: 'admin',
      password: 'long-enough-password',
    };
    const missing = await agent.post('/api/v1/admin/users').send(body);
    expect(missing.status).to.equal(403);
    expect(missing.body.error.code).to.equal('csrf_failed');
    const forged = await agent
      .post('/api/v1/admin/users')
      .set(
        'x-csrf-token',
        csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      )
      .send(body);
    expect(forged.body.error.code).to.equal('csrf_failed');
    expect(
      await ctx.database.db.select().from(users).where(eq(users.username, 'csrf-victim')),
    ).to.have.length(0);
    const ok = await agent.post('/api/v1/admin/users').set('x-csrf-token', csrf).send(body);
    expect(ok.status).to.equal(201);
    // Reads need no token.
    expect((await agent.get('/api/v1/admin/users')).status).to.equal(200);
  });

  it('login refuses a form post (only JSON), closing login CSRF', async () => {
    const u = await createTestUser(ctx.database.db, 'viewer');
    const res = await request(workspaceApp(ctx.database))
      .post('/api/v1/auth/login')
      .type('form')
      .send({ username: u.username, password: u.password });
    expect(res.status).to.equal(415);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even for the right one, and audits the lock`, async () => {
    const u = await createTestUser(ctx.database.db, 'analyst');
    const app = workspaceApp(ctx.database);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const r = await request(app)
        .post('/api/v1/auth/login')
        .send({ username: u.username, password: `wrong-password-${i}` });
      expect(r.status).to.equal(401);
    }
    const locked = await request(app)
      .post('/api/v1/auth/login')
      .send({ username: u.username, password: u.password });
    expect(locked.status).to.equal(423);
    expect(locked.body.error.code).to.equal('account_locked');
    expect(locked.body.error.messages.vi).to.contain('khoá');
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.locked'));
    expect(audit.map((a) => a.entityId)).to.include(String(u.id));
  });

  it('an admin password reset lifts the lock, ends sessions and forces a change at sign-in', async () => {
    const admin = await createTestUser(ctx.database.db, 'admin');
    const u = await createTestUser(ctx.database.db, 'analyst');
    const app = workspaceApp(ctx.database);
    const { agent: old } = await signIn(app, u.username, u.password);
    await ctx.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, u.id));
    const reset = await request(app)
      .post(`/api/v1/admin/users/${u.id}/password`)
      .set('authorization', admin.bearer)
      .send({ password: 'temporary-password-1' });
    expect(reset.status).to.equal(200);
    expect(reset.body).to.include({ mustChangePassword: true, lockedUntil: null });
    expect((await old.get('/api/v1/auth/me')).status).to.equal(401);
    const { agent, csrf } = await signIn(app, u.username, 'temporary-password-1');
    const blocked = await agent.get('/api/v1/admin/audit');
    expect(blocked.body.error.code).to.equal('password_change_required');
    const change = await agent
      .post('/api/v1/auth/password')
      .set('x-csrf-token', csrf)
      .send({ currentPassword: 'temporary-password-1', newPassword: 'my-own-new-password' });
    expect(change.status).to.equal(204);
    expect((await agent.get('/api/v1/admin/audit')).status).to.equal(200);
  });

  it('logout ends the session', async () => {
    const u = await createTestUser(ctx.database.db, 'viewer');
    const app = workspaceApp(ctx.database);
    const { agent, csrf } = await signIn(app, u.username, u.password);
    expect((await agent.get('/api/v1/auth/me')).status).to.equal(200);
    expect((await agent.post('/api/v1/auth/logout').set('x-csrf-token', csrf)).status).to.equal(204);
    expect((await agent.get('/api/v1/auth/me')).status).to.equal(401);
  });
});
