import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { codeHasher } from '#server/collection/code-hash.js';
import { runMixer } from '#server/collection/mixer.js';
import {
  openSubmissions,
  pendingSubmissions,
  responseRatings,
  responses,
  units,
} from '#server/db/schema/index.js';
import { centreTokenKey, signCentreToken } from '#server/visit/token.js';
import { describeEachDatabase, resetDatabase } from '#test/support/db.js';
import {
  ANALYST_TOKEN,
  CODE_SECRET,
  CURRENT_CENTRES,
  centreToken,
  nonce,
  publishVisitEdition,
  seedServiceFamily,
  SERVICE_FAMILY,
  visitApp,
  visitResponse,
} from './support.js';

const CENTRE = 'TTPV_X_AN_LAC';

describeEachDatabase('visit entry with a signed centre token (no survey code)', (ctx) => {
  let app: Express;
  let slug: string;
  let token: string;
  const pending = async () => (await ctx.database.db.select({ n: count() }).from(pendingSubmissions))[0]!.n;
  const send = (t: string, body: object, client = '192.0.2.10') =>
    request(app).post(`/api/v1/visit/${t}/responses`).set('x-forwarded-for', client).send(body);
  const visit = (centre = CENTRE) => ({
    submissionId: nonce(),
    edition: slug,
    durationSeconds: 50,
    response: visitResponse(centre),
  });

  before(async () => {
    await resetDatabase(ctx.database);
    await seedServiceFamily(ctx.database.db);
    app = visitApp(ctx.database);
    slug = await publishVisitEdition(app);
    token = await centreToken(app, CENTRE);
  });

  it('GET /admin/families/:family/centres/links gives analysts a link and a printable QR per current centre', async () => {
    const res = await request(app)
      .get(`/api/v1/admin/families/${SERVICE_FAMILY}/centres/links`)
      .query({ counter: '3' })
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    expect(res.status).to.equal(200);
    expect(res.body.links.map((l: { centre: { code: string } }) => l.centre.code).sort()).to.deep.equal(
      [...CURRENT_CENTRES].sort(),
    );
    const link = res.body.links[0];
    expect(link.counter).to.equal('3');
    expect(link.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/khao-sat\/visit\/c1\.[\w-]+\.[\w-]+$/);
    expect(link.qrSvg).to.match(/^<svg[^>]*viewBox/);
    const svg = await request(app)
      .get(`/api/v1/admin/families/${SERVICE_FAMILY}/centres/${CENTRE}/qr.svg?kiosk=true`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    expect(svg.status).to.equal(200);
    expect(svg.headers['content-type']).to.match(/^image\/svg\+xml/);
    expect(
      (await request(app).get(`/api/v1/admin/families/${SERVICE_FAMILY}/centres/links`)).status,
    ).to.equal(401);
  });

  it('centre links carry PUBLIC_URL when it is set, whatever host the request came through', async () => {
    const behindProxy = visitApp(ctx.database, {}, 'https://dichvucong.example.gov.vn');
    const res = await request(behindProxy)
      .get(`/api/v1/admin/families/${SERVICE_FAMILY}/centres/links`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    expect(res.body.links[0].url).to.match(/^https:\/\/dichvucong\.example\.gov\.vn\/khao-sat\/visit\/c1\./);
  });

  it('GET /visit/:token names the centre, counter, kiosk flag and the edition open today', async () => {
    const res = await request(app).get(`/api/v1/visit/${token}`);
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({
      family: SERVICE_FAMILY,
      centre: {
        code: CENTRE,
        name: {
          vi: 'Trung tâm Phục vụ hành chính công Xã An Lạc',
          en: 'Public Administration Service Centre, An Lac Commune',
        },
      },
      counter: null,
      kiosk: false,
      edition: slug,
    });
    const kiosk = await request(app).get(
      `/api/v1/visit/${await centreToken(app, CENTRE, { counter: 'A2', kiosk: true })}`,
    );
    expect(kiosk.body).to.include({ counter: 'A2', kiosk: true });
  });

  it('POST /visit/:token/responses stores the visit through the mixer, rated for the centre, with nothing of the token', async () => {
    const res = await send(token, visit());
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'accepted', edition: slug });
    expect(await pending()).to.equal(1);
    await runMixer(ctx.database.db, codeHasher(CODE_SECRET), { k: 1, maxDelayMs: 0 }, { force: true });
    const [unit] = await ctx.database.db.select().from(units).where(eq(units.code, CENTRE));
    const ratings = await ctx.database.db
      .select()
      .from(responseRatings)
      .where(eq(responseRatings.unitId, unit!.id));
    expect(ratings.find((r) => r.item === 'CIV2')?.value).to.equal(5);
    const stored = JSON.stringify(await ctx.database.db.select().from(responses));
    expect(stored).not.to.include(token.split('.')[2]!);
    expect(stored).not.to.include('192.0.2.10');
  });

  it('refuses a forged, altered or truncated token with a bilingual 403 and writes nothing', async () => {
    const before = await pending();
    const [v, body, mac] = token.split('.');
    const claim = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const otherCentre = Buffer.from(JSON.stringify({ ...claim, u: 'TTPV_TINH' })).toString('base64url');
    const forged = signCentreToken(centreTokenKey(codeHasher('another-secret-0123456789abcdef0123')), {
      family: SERVICE_FAMILY,
      unit: CENTRE,
    });
    const flipped = mac!.startsWith('A') ? `B${mac!.slice(1)}` : `A${mac!.slice(1)}`;
    for (const bad of [
      `${v}.${otherCentre}.${mac}`,
      `${v}.${body}.${flipped}`,
      `${v}.${body}`,
      forged,
      'c1.e30.AAAA',
    ]) {
      const read = await request(app).get(`/api/v1/visit/${bad}`);
      expect(read.status, bad).to.equal(403);
      expect(read.body.error.code).to.equal('invalid_centre_token');
      expect(read.body.error.messages.vi).to.include('không hợp lệ');
      expect(read.body.error.messages.en).to.include('not valid');
      expect((await send(bad, visit())).status, bad).to.equal(403);
    }
    expect(await pending()).to.equal(before);
  });

  it("refuses answers naming another centre than the token's, and an unknown edition", async () => {
    const before = await pending();
    const wrong = await send(token, visit('TTPV_TINH'));
    expect(wrong.status).to.equal(422);
    expect(wrong.body.error.details[0]).to.include({
      path: '/response/answers/CENTRE',
      code: 'wrong_centre',
    });
    const elsewhere = await send(token, { ...visit(), edition: 'no-such-edition' });
    expect(elsewhere.status).to.equal(404);
    expect(await pending()).to.equal(before);
  });

  it('a retry with the same submission id is stored once', async () => {
    const body = visit();
    const before = (await ctx.database.db.select({ n: count() }).from(openSubmissions))[0]!.n;
    expect((await send(token, body)).status).to.equal(200);
    const again = await send(token, body);
    expect(again.status).to.equal(200);
    expect(again.headers['idempotent-replayed']).to.equal('true');
    expect((await ctx.database.db.select({ n: count() }).from(openSubmissions))[0]!.n).to.equal(before + 1);
  });
});

describeEachDatabase('visit flood limits per address and per centre (shared limiter)', (ctx) => {
  let app: Express;
  let slug: string;
  const send = (t: string, client: string, centre = CENTRE) =>
    request(app)
      .post(`/api/v1/visit/${t}/responses`)
      .set('x-forwarded-for', client)
      .send({ submissionId: nonce(), edition: slug, response: visitResponse(centre) });

  before(async () => {
    await resetDatabase(ctx.database);
    await seedServiceFamily(ctx.database.db);
    app = visitApp(ctx.database, { perClient: 2, perKiosk: 4, perCentre: 6 });
    slug = await publishVisitEdition(app);
  });

  it('limits a phone address per centre, a kiosk higher, and a centre overall; other centres still answer', async () => {
    const phone = await centreToken(app, CENTRE);
    const kiosk = await centreToken(app, CENTRE, { kiosk: true });
    const statuses = async (t: string, client: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await send(t, client)).status);
      return out;
    };
    expect(await statuses(phone, '198.51.100.1', 3)).to.deep.equal([200, 200, 429]);
    expect(await statuses(kiosk, '198.51.100.2', 4)).to.deep.equal([200, 200, 200, 200]);
    // 6 accepted at this centre within the hour: a fresh address is refused too.
    const over = await send(phone, '198.51.100.3');
    expect(over.status).to.equal(429);
    expect(Number(over.headers['retry-after'])).to.be.greaterThan(0);
    expect(over.body.error.messages.vi).to.include('quá nhiều');
    expect(over.body.error.messages.en).to.include('too many');
    const other = await centreToken(app, 'TTPV_TINH');
    expect((await send(other, '198.51.100.3', 'TTPV_TINH')).status).to.equal(200);
  });

  it('runMixer stores an edition of visits once k are waiting, without waiting for the window to close', async () => {
    const hasher = codeHasher(CODE_SECRET);
    await ctx.database.db.delete(pendingSubmissions);
    const t = await centreToken(app, 'TTPV_P_BEN_CANG');
    for (const client of ['203.0.113.1', '203.0.113.2'])
      expect((await send(t, client, 'TTPV_P_BEN_CANG')).status).to.equal(200);
    const settings = { k: 3, maxDelayMs: 3600_000 };
    expect((await runMixer(ctx.database.db, hasher, settings)).batches).to.deep.equal([]);
    expect((await send(t, '203.0.113.3', 'TTPV_P_BEN_CANG')).status).to.equal(200);
    expect((await runMixer(ctx.database.db, hasher, settings)).batches).to.deep.equal([3]);
  });
});
