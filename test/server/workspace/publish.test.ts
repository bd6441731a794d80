import { expect } from 'chai';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { eq, sql } from 'drizzle-orm';
import { computeIndex } from '#scoring/compute.js';
import { createApp } from '#server/app.js';
import {
  auditLog,
  familySettings,
  families,
  publications,
  releases as releaseRows,
} from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import type { ReleaseService } from '#server/releases/service.js';
import { seedDemo } from '#server/seed/demo.js';
import { describeEachDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';
import { createTestUser, type TestUser } from '#test/support/users.js';

describeEachDatabase('methodology versions and the publish workflow', (ctx) => {
  let app: Express;
  let releases: ReleaseService;
  let editor: TestUser;
  let publisher: TestUser;
  const base = '/api/v1/admin/families/ddci-demo/editions/2025';
  const as = (u: TestUser, m: 'get' | 'post', path: string) =>
    request(app)[m](path).set('authorization', u.bearer);
  let template: { tree: { children: Array<{ code: string; weight: number }> } };

  before(async function () {
    this.timeout(300_000);
    await seedDemo(ctx.database.db, () => {}, { firms: 400 });
    releases = testReleases(ctx.database.db);
    const sink = new Writable({ write: (_c, _e, done) => done() });
    app = createApp({
      config: { bodyLimitBytes: 8 << 20, trustProxy: false, nodeEnv: 'test', codeSecret: 'x'.repeat(40) },
      database: ctx.database,
      logger: createLogger('silent', sink),
      releases,
    });
    editor = await createTestUser(ctx.database.db, 'analyst');
    publisher = await createTestUser(ctx.database.db, 'analyst');
  });

  it('GET /methodologies offers the shipped template; a broken one is refused at its node', async () => {
    const list = await as(editor, 'get', `${base}/methodologies`);
    expect(list.status).to.equal(200);
    template = list.body.template;
    const broken = structuredClone(template);
    broken.tree.children[0]!.weight = -1;
    const res = await as(editor, 'post', `${base}/methodologies`).send({ methodology: broken });
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].path).to.equal('/methodology/tree/children/0/weight');
    // Named by its node, in both languages.
    expect(res.body.error.details[0].message.vi).to.match(
      /^chỉ số thành phần transparency: trọng số phải ≥ 0/,
    );
    expect(res.body.error.details[0].message.en).to.match(/^subindex transparency: weight must be ≥ 0/);
  });

  it('saves versions with their hash, and diffs two of them by JSON pointer', async () => {
    const a = await as(editor, 'post', `${base}/methodologies`).send({
      methodology: template,
      note: 'shipped',
    });
    const changed = structuredClone(template);
    changed.tree.children[0]!.weight = 3;
    const b = await as(editor, 'post', `${base}/methodologies`).send({
      methodology: changed,
      note: 'transparency ×3',
    });
    expect(a.body.hash).to.match(/^[0-9a-f]{64}$/);
    expect(b.body.hash).not.to.equal(a.body.hash);
    const diff = await as(editor, 'get', `/api/v1/admin/methodologies/${a.body.id}/diff/${b.body.id}`);
    expect(diff.body.changes).to.deep.equal([{ path: '/tree/children/0/weight', before: 1, after: 3 }]);
  });

  it('POST /preview-data gives the table the browser scores with scoring/: a weight change moves ranks', async () => {
    const res = await as(editor, 'post', `${base}/preview-data`).send({ methodology: template });
    expect(res.status).to.equal(200);
    const first = computeIndex(template as never, res.body.table, {
      edition: 2025,
      history: res.body.history,
    });
    const heavy = structuredClone(template);
    heavy.tree.children[0]!.weight = 20;
    const second = computeIndex(heavy as never, res.body.table, { edition: 2025, history: res.body.history });
    const ranks = (r: typeof first) => r.blocks.departments!.nodes[r.blocks.departments!.root]!.ranks;
    expect(ranks(first)).not.to.deep.equal(ranks(second));
  });

  it('draft → review → publish creates a signed release superseding the current one; four eyes refuse the editor', async () => {
    const [fam] = await ctx.database.db.select().from(families).where(eq(families.code, 'ddci-demo'));
    await ctx.database.db
      .insert(familySettings)
      .values({ familyId: fam!.id, requireFourEyes: true })
      .onConflictDoUpdate({ target: familySettings.familyId, set: { requireFourEyes: true } });
    const versions = (await as(editor, 'get', `${base}/methodologies`)).body.versions;
    const draft = await as(editor, 'post', `${base}/publications`).send({ versionId: versions[0].id });
    expect(draft.body.state).to.equal('draft');
    expect((await as(editor, 'post', `/api/v1/admin/publications/${draft.body.id}/publish`)).status).to.equal(
      409,
    );
    expect((await as(editor, 'post', `/api/v1/admin/publications/${draft.body.id}/submit`)).status).to.equal(
      204,
    );
    const refused = await as(editor, 'post', `/api/v1/admin/publications/${draft.body.id}/publish`);
    expect(refused.body.error.code).to.equal('four_eyes');
    const before = (await request(app).get('/api/v1/releases')).body;
    const ok = await as(publisher, 'post', `/api/v1/admin/publications/${draft.body.id}/publish`);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body.state).to.equal('published');
    const release = await request(app).get(`/api/v1/releases/${ok.body.releaseId}`);
    expect(release.status).to.equal(200);
    expect(release.body.methodology.hash).to.be.a('string');
    const demoBefore = (before.releases ?? []).filter(
      (r: { family: string; edition: number }) => r.family === 'ddci-demo' && r.edition === 2025,
    );
    if (demoBefore.length) expect(release.body.supersedes).to.be.a('string');
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'release.publish'));
    expect(audit.map((a) => a.entityId)).to.include(ok.body.releaseId);
  });

  it('publish fails after the release insert: no release, no publication change and no audit row remain', async () => {
    const db = ctx.database.db;
    const versions = (await as(editor, 'get', `${base}/methodologies`)).body.versions;
    const draft = await as(editor, 'post', `${base}/publications`).send({ versionId: versions[0].id });
    await as(editor, 'post', `/api/v1/admin/publications/${draft.body.id}/submit`);
    const count = async () => ({
      releases: (await db.select().from(releaseRows)).length,
      audits: (await db.select().from(auditLog).where(eq(auditLog.action, 'release.publish'))).length,
    });
    const before = await count();
    // A real failure inside the transaction, after the release row is written: the audit insert raises.
    await db.execute(
      sql.raw(`CREATE FUNCTION fail_publish_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'release.publish' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`),
    );
    await db.execute(
      sql.raw(`CREATE TRIGGER fail_publish_audit BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION fail_publish_audit()`),
    );
    try {
      const res = await as(publisher, 'post', `/api/v1/admin/publications/${draft.body.id}/publish`);
      expect(res.status).to.equal(500);
    } finally {
      await db.execute(sql.raw('DROP TRIGGER fail_publish_audit ON audit_log'));
      await db.execute(sql.raw('DROP FUNCTION fail_publish_audit()'));
    }
    expect(await count()).to.deep.equal(before);
    const [row] = await db.select().from(publications).where(eq(publications.id, draft.body.id));
    expect(row!.state).to.equal('review');
    expect(row!.releaseId).to.equal(null);
    const retry = await as(publisher, 'post', `/api/v1/admin/publications/${draft.body.id}/publish`);
    expect(retry.status, JSON.stringify(retry.body)).to.equal(200);
    expect((await count()).releases).to.equal(before.releases + 1);
  });
});
