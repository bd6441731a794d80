import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import type { Database } from '#server/db/client.js';
import type { Role } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { createTestUser, type TestUser } from '#test/support/users.js';
import { publishEdition, seedFamily } from '#test/server/collection/support.js';
import { registeredRoutes, type RegisteredRoute } from './routes.js';
import { workspaceApp } from './support.js';

const LOWER: Record<Role, Role[]> = { viewer: [], analyst: ['viewer'], admin: ['analyst', 'viewer'] };

/** A fingerprint of every table, so a refused request can be shown to have changed nothing. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const res = await database.db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const names = (
    (res as { rows?: Array<{ tablename: string }> }).rows ?? (res as unknown as Array<{ tablename: string }>)
  ).map((r) => r.tablename);
  const out: Record<string, string> = {};
  for (const t of names) {
    // Token and session rows record their last use, which a refused request may touch: count them.
    const q =
      t === 'api_tokens' || t === 'sessions'
        ? `select count(*)::text as h from "${t}"`
        : `select coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${t}" x`;
    const r = await database.db.execute<{ h: string }>(sql.raw(q));
    out[t] = ((r as { rows?: Array<{ h: string }> }).rows ?? (r as unknown as Array<{ h: string }>))[0]!.h;
  }
  return out;
}

function concrete(path: string, slug: string): string {
  return path
    .replace(':slug', slug)
    .replace('.:format', '.csv')
    .replace(/:[A-Za-z]+/g, '1');
}

function send(app: Express, r: RegisteredRoute, path: string, bearer?: string) {
  const m = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = request(app)[m](path);
  if (bearer) req = req.set('authorization', bearer);
  return m === 'get' || m === 'delete' ? req : req.send({});
}

describeEachDatabase('authorisation of every admin route', (ctx) => {
  let app: Express;
  let slug: string;
  let users: Record<Role, TestUser>;
  let admin: RegisteredRoute[];

  before(async () => {
    await seedFamily(ctx.database.db);
    app = workspaceApp(ctx.database);
    slug = await publishEdition(app);
    users = {
      admin: await createTestUser(ctx.database.db, 'admin'),
      analyst: await createTestUser(ctx.database.db, 'analyst'),
      viewer: await createTestUser(ctx.database.db, 'viewer'),
    };
    admin = registeredRoutes(app).filter((r) => r.path.includes('/admin/'));
  });

  it('registeredRoutes(app) finds the admin API (users, audit, survey editions)', () => {
    const paths = admin.map((r) => `${r.method} ${r.path}`);
    expect(paths).to.include('POST /api/v1/admin/users');
    expect(paths).to.include('GET /api/v1/admin/audit');
    expect(paths).to.include('POST /api/v1/admin/survey-editions/:slug/codes');
    expect(admin.length).to.be.greaterThan(10);
  });

  it('every /api/v1/admin route declares exactly one role, checked before anything else', () => {
    const bad = admin
      .filter((r) => r.roles.length !== 1 || r.guardAt !== 0)
      .map((r) => `${r.method} ${r.path}`);
    expect(bad).to.deep.equal([]);
  });

  it('anonymous requests get 401 and wrong-role requests 403 on every admin route, and change nothing', async () => {
    const before = await fingerprint(ctx.database);
    const problems: string[] = [];
    for (const r of admin) {
      const path = concrete(r.path, slug);
      const anon = await send(app, r, path);
      if (anon.status !== 401) problems.push(`${r.method} ${r.path} anonymous → ${anon.status}`);
      for (const role of LOWER[r.roles[0]!]) {
        const res = await send(app, r, path, users[role].bearer);
        if (res.status !== 403) problems.push(`${r.method} ${r.path} as ${role} → ${res.status}`);
      }
    }
    expect(problems).to.deep.equal([]);
    expect(await fingerprint(ctx.database)).to.deep.equal(before);
  });
});
