import { expect } from 'chai';
import { count, eq, sql } from 'drizzle-orm';
import request from 'supertest';
import type { Express } from 'express';
import type {
  FamilyList,
  Ranking,
  ReleaseIndex,
  ReleaseMetadata,
  SigningKey,
  UnitProfile,
} from '#api/releases.js';
import { createApp } from '#server/app.js';
import { editions, releases, releaseScores } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { ReleaseError } from '#server/releases/errors.js';
import { publishRelease } from '#server/releases/publish.js';
import { createReleaseService, type ReleaseService } from '#server/releases/service.js';
import { publicKeyFromPem, verifyBytes } from '#server/releases/signing.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PAYLOAD_SCHEMAS } from '#server/cli/api-payload-schemas.js';
import { describeEachDatabase } from '#test/support/db.js';
import { testReleases } from '#test/support/releases.js';
import { createTestFamily, draft, FAMILY } from './fixture.js';

describeEachDatabase('releases', (ctx) => {
  let service: ReleaseService;
  let app: Express;
  const db = () => ctx.database.db;

  before(async () => {
    await createTestFamily(db());
    service = testReleases(db());
    app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'test' },
      database: ctx.database,
      logger: createLogger('silent'),
      releases: service,
    });
    await service.publish(draft(2023, { A: 70, OLD: 55 }));
    await service.publish(draft(2024, { A: 64, B: 72 }));
  });

  it('GET /api/v1/releases/:id serves the signed canonical bytes; the key endpoint verifies them', async () => {
    const doc = await request(app)
      .get(`/api/v1/releases/${FAMILY}-2024-r1`)
      .buffer(true)
      .parse(rawBody as never)
      .expect(200);
    const sig = await request(app)
      .get(`/api/v1/releases/${FAMILY}-2024-r1/signature.sig`)
      .buffer(true)
      .parse(rawBody as never)
      .expect(200);
    const key = (await request(app).get('/api/v1/keys/release-signing').expect(200)).body as SigningKey;
    const { publicKey, fingerprint } = publicKeyFromPem(key.publicKeyPem);
    expect(fingerprint).to.equal(key.fingerprint).and.to.equal(service.key.fingerprint);
    expect(verifyBytes(publicKey, doc.body as Buffer, sig.body as Buffer)).to.equal(true);
    const [row] = await db()
      .select()
      .from(releases)
      .where(eq(releases.id, `${FAMILY}-2024-r1`));
    expect((doc.body as Buffer).toString('utf8')).to.equal(row!.document);
  });

  it('publishRelease(db, key, draft) compares with the previous edition through lineage (B with OLD)', async () => {
    const r = (await request(app).get(`/api/v1/rankings/${FAMILY}/2024`).expect(200)).body as Ranking;
    const b = r.rows.find((x) => x.unit.code === 'B')!;
    expect(b.change).to.deep.equal({ release: `${FAMILY}-2023-r1`, unit: 'OLD', rank: 1, score: 17 });
    const a = r.rows.find((x) => x.unit.code === 'A')!;
    expect(a.change).to.deep.include({ unit: 'A', rank: -1, score: -6 });
    expect(a.interval).to.deep.equal([62, 66]);
  });

  it('GET /api/v1/units/:family/B lists B and its predecessor OLD in every release, labelled', async () => {
    const p = (await request(app).get(`/api/v1/units/${FAMILY}/B`).expect(200)).body as UnitProfile;
    expect(p.series.map((e) => [e.release.edition, e.unit.code, e.relation])).to.deep.equal([
      [2023, 'OLD', 'predecessor'],
      [2024, 'B', 'self'],
    ]);
    expect(p.lineage.map((s) => [s.event, s.from.code, s.to?.code])).to.deep.equal([['merge', 'OLD', 'B']]);
    expect(p.unit.validFrom).to.equal('2024-01-01');
  });

  it('publishRelease(db, key, draft) refuses a second release of an edition unless it supersedes the current one, writing nothing', async () => {
    const before = await db().select({ n: count() }).from(releaseScores);
    let error: unknown;
    await publishRelease(db(), service.key, draft(2024, { A: 1, B: 2 })).catch((e) => (error = e));
    expect(error).to.be.instanceOf(ReleaseError);
    expect((error as ReleaseError).code).to.equal('already_released');
    await publishRelease(db(), service.key, draft(2024, { A: 1 }, { supersedes: `${FAMILY}-2023-r1` })).catch(
      (e) => (error = e),
    );
    expect((error as ReleaseError).code).to.equal('wrong_supersedes');
    expect(await db().select({ n: count() }).from(releaseScores)).to.deep.equal(before);
  });

  it('publishRelease(db, key, draft) failing inside its transaction leaves nothing behind', async () => {
    const counts = async () => [
      (await db().select({ n: count() }).from(releases))[0]!.n,
      (await db().select({ n: count() }).from(releaseScores))[0]!.n,
    ];
    const before = await counts();
    let error: unknown;
    const failing = draft(
      2025,
      { A: 50 },
      {
        inTransaction: async () => {
          throw new Error('disk full');
        },
      },
    );
    await publishRelease(db(), service.key, failing).catch((e) => (error = e));
    expect((error as Error).message).to.equal('disk full');
    expect(await counts()).to.deep.equal(before);
    const [e] = await db().select().from(editions).where(eq(editions.year, 2025));
    expect(e!.status).to.not.equal('published');
  });

  it('a correction supersedes the release; the old one stays addressable, marked superseded with a link', async () => {
    const note = { vi: 'Đính chính điểm của Sở A', en: 'Corrects Department A' };
    await service.publish(draft(2024, { A: 66, B: 72 }, { supersedes: `${FAMILY}-2024-r1`, note }));
    const current = (await request(app).get(`/api/v1/rankings/${FAMILY}/2024`).expect(200)).body as Ranking;
    expect(current.release).to.deep.include({
      id: `${FAMILY}-2024-r2`,
      status: 'current',
      supersededBy: null,
    });
    const old = (await request(app).get(`/api/v1/releases/${FAMILY}-2024-r1/rankings`).expect(200))
      .body as Ranking;
    expect(old.release).to.deep.include({
      status: 'superseded',
      supersededBy: `${FAMILY}-2024-r2`,
      current: `${FAMILY}-2024-r2`,
    });
    expect(old.rows.find((r) => r.unit.code === 'A')!.composite).to.equal(64);
    await request(app).get(`/api/v1/releases/${FAMILY}-2024-r1`).expect(200);
    const index = (await request(app).get('/api/v1/releases').expect(200)).body as ReleaseIndex;
    expect(index.releases.map((r) => [r.id, r.status, r.supersededBy])).to.deep.equal([
      [`${FAMILY}-2023-r1`, 'current', null],
      [`${FAMILY}-2024-r1`, 'superseded', `${FAMILY}-2024-r2`],
      [`${FAMILY}-2024-r2`, 'current', null],
    ]);
  });

  it('UPDATE, DELETE and TRUNCATE of releases and their rows are refused by the database', async () => {
    const refused = async (q: ReturnType<typeof sql>) => {
      let error: unknown;
      await db()
        .execute(q)
        .catch((e) => (error = e));
      expect(String((error as { cause?: Error }).cause?.message ?? error)).to.include('release_immutable');
    };
    await refused(sql`update releases set sha256 = 'x'`);
    await refused(sql`update releases set document = '{}' where id = ${`${FAMILY}-2023-r1`}`);
    await refused(sql`delete from releases where id = ${`${FAMILY}-2023-r1`}`);
    await refused(sql`update release_scores set value = 99`);
    await refused(sql`delete from release_scores`);
    await refused(sql`truncate releases cascade`);
    const [row] = await db().select({ n: count() }).from(releases);
    expect(row!.n).to.equal(3);
  });

  it('public endpoints never list an edition without a release (2025 exists, unreleased)', async () => {
    const families = (await request(app).get('/api/v1/families').expect(200)).body as FamilyList;
    const f = families.families.find((x) => x.code === FAMILY)!;
    expect(f.editions.map((e) => [e.year, e.release])).to.deep.equal([
      [2023, `${FAMILY}-2023-r1`],
      [2024, `${FAMILY}-2024-r2`],
    ]);
    await request(app).get(`/api/v1/rankings/${FAMILY}/2025`).expect(404);
    await request(app).get(`/api/v1/rankings/${FAMILY}/2025.csv`).expect(404);
  });

  it('GET with If-None-Match answers 304; versioned release URLs are immutable for a year', async () => {
    // The identity bytes carry the strong ETag (a compressed reply carries its weak form: compress.test.ts).
    const first = await request(app)
      .get(`/api/v1/releases/${FAMILY}-2023-r1`)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(first.headers.etag).to.match(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers['cache-control']).to.equal('public, max-age=31536000, immutable');
    await request(app)
      .get(`/api/v1/releases/${FAMILY}-2023-r1`)
      .set('if-none-match', first.headers.etag!)
      .expect(304);
    const ranking = await request(app).get(`/api/v1/rankings/${FAMILY}/2024.csv?lang=en`).expect(200);
    expect(ranking.headers['cache-control']).to.equal('public, max-age=60');
    await request(app)
      .get(`/api/v1/rankings/${FAMILY}/2024.csv?lang=en`)
      .set('if-none-match', ranking.headers.etag!)
      .expect(304);
    const vi = await request(app).get(`/api/v1/rankings/${FAMILY}/2024.csv`).expect(200);
    expect(vi.headers.etag).to.not.equal(ranking.headers.etag);
  });

  it('every public JSON view matches its payload schema in api/schemas/releases/payloads.schema.json', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(JSON.parse(readFileSync(PAYLOAD_SCHEMAS, 'utf8')), 'payloads');
    const views: Array<[string, string]> = [
      ['/api/v1/families', 'FamilyList'],
      ['/api/v1/releases', 'ReleaseIndex'],
      [`/api/v1/releases/${FAMILY}-2024-r1`, 'ReleaseDocument'],
      [`/api/v1/releases/${FAMILY}-2024-r1/signature`, 'ReleaseSignature'],
      [`/api/v1/releases/${FAMILY}-2024-r1/metadata`, 'ReleaseMetadata'],
      [`/api/v1/releases/${FAMILY}-2024-r1/rankings`, 'Ranking'],
      [`/api/v1/rankings/${FAMILY}/2024`, 'Ranking'],
      [`/api/v1/units/${FAMILY}/B`, 'UnitProfile'],
      ['/api/v1/keys/release-signing', 'SigningKey'],
      [`/api/v1/rankings/${FAMILY}/1999`, 'ApiError'],
    ];
    for (const [url, type] of views) {
      const res = await request(app).get(url);
      const valid = ajv.validate(`payloads#/$defs/${type}`, JSON.parse(res.text));
      expect(valid, `${url}: ${ajv.errorsText()}`).to.equal(true);
    }
  });

  it('GET /api/v1/releases/:id/metadata gives licence, hashes and a citation naming the release', async () => {
    const m = (
      await request(app)
        .get(`/api/v1/releases/${FAMILY}-2024-r2/metadata`)
        .set('accept-language', 'en')
        .expect(200)
    ).body;
    expect(m.citation.en).to.include(`Release ${FAMILY}-2024-r2`).and.include(m.sha256);
    expect(m.methodology.hash).to.match(/^[0-9a-f]{64}$/);
    expect(m.downloads[0].csv).to.equal(`/api/v1/releases/${FAMILY}-2024-r2/rankings.csv?block=departments`);
    await request(app).get(m.downloads[0].csv).expect(200);
  });

  it('with PUBLIC_URL set, the metadata citation and downloads are absolute URLs under it', async () => {
    const base = 'https://ddci.example.gov.vn/chi-so';
    const dir = mkdtempSync(path.join(tmpdir(), 'ddci-public-url-'));
    const absolute = createReleaseService(db(), service.key, dir, { publicUrl: base });
    await absolute.refresh();
    const m = JSON.parse(
      readFileSync(path.join(dir, `api/v1/releases/${FAMILY}-2024-r2/metadata.json`), 'utf8'),
    ) as ReleaseMetadata;
    const url = `${base}/api/v1/releases/${FAMILY}-2024-r2`;
    expect(m.citation.vi).to.include(` ${url} `);
    expect(m.citation.en).to.include(` ${url} `);
    expect(m.downloads[0]).to.deep.equal({
      block: 'departments',
      json: `${url}/rankings.json?block=departments`,
      csv: `${url}/rankings.csv?block=departments`,
    });
    // Only the metadata changes: the signed documents are the same bytes.
    expect(readFileSync(path.join(dir, `api/v1/releases/${FAMILY}-2024-r2.json`), 'utf8')).to.equal(
      readFileSync(path.join(service.publicDir, `api/v1/releases/${FAMILY}-2024-r2.json`), 'utf8'),
    );
  });
});

function rawBody(
  res: NodeJS.ReadableStream & { setEncoding?: unknown },
  cb: (e: Error | null, b: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
