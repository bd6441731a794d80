import { expect } from 'chai';
import request from 'supertest';
import { rateLimits } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser } from '#test/support/users.js';
import { workspaceApp } from './support.js';

describeEachDatabase('the per-address sign-in limit (shared in rate_limits)', (ctx) => {
  // Two app instances over one database, as behind a load balancer; one proxy hop in front.
  const apps = () => [0, 1].map(() => workspaceApp(ctx.database, { loginAttempts: 3, trustProxy: 1 }));
  const login = (app: ReturnType<typeof workspaceApp>, address: string, username: string, password: string) =>
    request(app).post('/api/v1/auth/login').set('x-forwarded-for', address).send({ username, password });

  it('POST /auth/login answers 429 with Retry-After once an address failed the limit, on any instance', async () => {
    const [a, b] = apps();
    const u = await createTestUser(ctx.database.db, 'viewer');
    const statuses: number[] = [];
    for (const [app, name] of [
      [a, 'spray-1'],
      [b, 'spray-2'],
      [a, 'spray-3'],
    ] as const)
      statuses.push((await login(app!, '203.0.113.7', name, 'x'.repeat(12))).status);
    expect(statuses).to.deep.equal([401, 401, 401]);
    // Past the limit even the right password is refused from that address, by the other instance too.
    const refused = await login(b!, '203.0.113.7', u.username, u.password);
    expect(refused.status).to.equal(429);
    expect(refused.body.error.code).to.equal('too_many_attempts');
    expect(Number(refused.headers['retry-after'])).to.be.within(1, 15 * 60);
    expect(refused.body.error.message).to.match(/thử lại sau 1[45] phút/);
    // Another address is not affected.
    expect((await login(a!, '198.51.100.9', u.username, u.password)).status).to.equal(200);
  });

  it('successful sign-ins do not count, and the stored key does not hold the address', async () => {
    const [a] = apps();
    const u = await createTestUser(ctx.database.db, 'viewer');
    for (let i = 0; i < 5; i++)
      expect((await login(a!, '192.0.2.44', u.username, u.password)).status).to.equal(200);
    const rows = await ctx.database.db.select().from(rateLimits);
    expect(rows.length).to.be.above(0);
    for (const r of rows) expect(r.key).not.to.match(/203\.0\.113|198\.51|192\.0\.2/);
  });
});
