import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { describeEachDatabase } from '#test/support/db.js';
import { mixNow } from './mix.js';
import {
  ANALYST_TOKEN,
  issue,
  nonce,
  publishEdition,
  seedFamily,
  testApp,
  validResponse,
} from './support.js';

interface Aggregate {
  block: string;
  unit: string;
  item: string;
  respondents: number;
  n: number;
  mean: number | null;
  dontKnow: number;
}

describeEachDatabase('quality flags', (ctx) => {
  let app: Express;
  let slug: string;
  const admin = (path: string, method: 'get' | 'post' = 'get') => {
    const url = `/api/v1/admin/survey-editions/${slug}${path}`;
    const agent = request(app);
    return (method === 'get' ? agent.get(url) : agent.post(url)).set(
      'authorization',
      `Bearer ${ANALYST_TOKEN}`,
    );
  };

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app, { openMode: true });
    const codes = await issue(app, slug, { count: 14 });
    const send = async (body: object) => {
      const res = await request(app)
        .post(`/api/v1/surveys/${slug}/responses`)
        .send({ submissionId: nonce(), ...body });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res;
    };
    // Twelve ordinary responses of about 20 minutes with mixed answers.
    for (let i = 0; i < 12; i++) {
      const r = validResponse(2 + (i % 3));
      r.units!.departments!.SO_KHDT!.TC1 = 1 + (i % 4);
      await send({ code: codes[i], response: r, durationSeconds: 1100 + 20 * i });
    }
    // A speeder: 2 minutes against a median of about 21.
    const fast = validResponse(3);
    fast.units!.departments!.SO_KHDT!.TC1 = 1;
    await send({ code: codes[12], response: fast, durationSeconds: 130 });
    // A straight-liner: every rating of every unit at 4.
    const straight = validResponse(4);
    for (const unit of [straight.units!.departments!.SO_KHDT!, straight.units!.departments!.SO_TC!]) {
      for (const k of Object.keys(unit))
        if (
          typeof unit[k] === 'number' &&
          !['TR4', 'TC6', 'TC7', 'TC8', 'TC9', 'DY4', 'BS1', 'TR6', 'DY2'].includes(k)
        )
          unit[k] = 4;
      unit.IC3 = 4; // required once IC1 >= 3
    }
    await send({ code: codes[13], response: straight, durationSeconds: 1300 });
    // Two open-mode submissions differing in one answer only, and one unrelated.
    const twin = validResponse(2);
    await send({ response: twin });
    const twin2 = validResponse(2);
    twin2.answers.A4 = 2016;
    twin2.units!.departments!.SO_KHDT!.TC2 = 4;
    await send({ response: twin2 });
    const other = validResponse(1);
    other.units!.departments!.SO_TC!.TR1 = 5;
    await send({ response: other });
    await mixNow(ctx.database.db);
  });

  it('flags straight-lining at submission, with the reason', async () => {
    const res = await admin('/quality');
    const flags = (
      res.body.flagged as Array<{ flags: Array<{ code: string; reason: { vi: string; en: string } }> }>
    ).flatMap((f) => f.flags);
    const straight = flags.filter((f) => f.code === 'straight_lining');
    expect(straight).to.have.length(1);
    expect(straight[0]!.reason.en).to.contain('SO_KHDT');
  });

  it('POST /quality flags speeders against the median and near-duplicate open-mode submissions', async () => {
    const res = await admin('/quality', 'post');
    expect(res.status).to.equal(200);
    expect(res.body).to.include({
      responses: 17,
      speeder: 1,
      straight_lining: 1,
      near_duplicate: 1, // the later twin only
      flagged: 3,
    });
    const flagged = (await admin('/quality')).body.flagged as Array<{
      openMode: boolean;
      flags: Array<{ code: string; reason: { en: string } }>;
    }>;
    // Decided when the batch was mixed; the response keeps no minutes of its own, only the reason.
    const speeder = flagged.find((f) => f.flags.some((x) => x.code === 'speeder'))!;
    expect(speeder).to.not.have.property('completionMinutes');
    expect(speeder.flags.find((x) => x.code === 'speeder')!.reason.en).to.match(
      /under 30% of .* median time \(2\d(\.5)? min\)/,
    );
    expect(
      flagged.filter((f) => f.flags.some((x) => x.code === 'near_duplicate')).every((f) => f.openMode),
    ).to.equal(true);
  });

  it('keeps flagged responses: aggregates include them only on request', async () => {
    const all = (await admin('/aggregates?includeFlagged=true')).body.rows as Aggregate[];
    const clean = (await admin('/aggregates')).body.rows as Aggregate[];
    const pick = (rows: Aggregate[]) => rows.find((r) => r.unit === 'SO_KHDT' && r.item === 'TR1')!;
    expect(pick(all).respondents).to.equal(17);
    expect(pick(clean).respondents).to.equal(14);
    expect(pick(all).n).to.equal(17);
    const dk = (rows: Aggregate[]) => rows.find((r) => r.unit === 'SO_KHDT' && r.item === 'DY2')!;
    expect(dk(all)).to.include({ respondents: 17, n: 0, dontKnow: 17, mean: null });
    const monitoring = await admin('/monitoring');
    expect(monitoring.body.responses).to.include({ total: 17, flagged: 3, openMode: 3 });
  });
});
