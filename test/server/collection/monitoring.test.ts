import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { suppress } from '#server/collection/monitoring.js';
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

interface Cell {
  value: string | null;
  issued: number | null;
  submitted: number | null;
  rate: number | null;
  suppressed: boolean;
}

describe('suppress', () => {
  it('suppress(rows) hides cells with fewer than 5 issued or submitted', () => {
    const cells = suppress([
      { value: 'a', issued: 20, submitted: 8 },
      { value: 'b', issued: 4, submitted: 4 },
      { value: 'c', issued: 30, submitted: 3 },
    ]);
    expect(cells.map((c) => c.suppressed)).to.deep.equal([false, true, true]);
    expect(cells[1]).to.deep.equal({
      value: 'b',
      issued: null,
      submitted: null,
      rate: null,
      suppressed: true,
    });
    expect(cells[0]!.rate).to.equal(0.4);
  });

  it('suppress(rows) hides the next smallest cell when only one would be hidden', () => {
    const cells = suppress([
      { value: 'a', issued: 20, submitted: 8 },
      { value: 'b', issued: 10, submitted: 6 },
      { value: 'c', issued: 3, submitted: 1 },
    ]);
    expect(cells.map((c) => c.suppressed)).to.deep.equal([false, true, true]);
  });
});

describeEachDatabase('GET /api/v1/admin/survey-editions/:slug/monitoring', (ctx) => {
  let app: Express;
  let slug: string;

  before(async () => {
    await seedFamily(ctx.database.db);
    app = testApp(ctx.database).app;
    slug = await publishEdition(app);
    // Strata: micro 12 issued / 7 submitted; small 8 / 5; medium 4 / 2 (too few issued); large 9 / 3 (too few submitted).
    const plan: Array<[string, string, number, number]> = [
      ['micro', 'trade', 12, 7],
      ['small', 'manufacturing', 8, 5],
      ['medium', 'trade', 4, 2],
      ['large', 'manufacturing', 9, 3],
    ];
    for (const [size, sector, issued, submitted] of plan) {
      const codes = await issue(app, slug, {
        firms: Array.from({ length: issued }, (_, i) => ({ firmRef: `${size}-${i}`, size, sector })),
      });
      for (const code of codes.slice(0, submitted)) {
        const res = await request(app)
          .post(`/api/v1/surveys/${slug}/responses`)
          .send({ code, submissionId: nonce(), response: validResponse() });
        expect(res.status).to.equal(200);
      }
      await request(app)
        .put(`/api/v1/surveys/${slug}/draft`)
        .send({ code: codes[issued - 1], draft: { answers: { CONSENT: 1 } } });
    }
    await issue(app, slug, { count: 3 });
    // One more accepted submission stays pending: counted as awaiting the mixer, nowhere else.
    await mixNow(ctx.database.db);
    const [late] = await issue(app, slug, { count: 1 });
    await request(app)
      .post(`/api/v1/surveys/${slug}/responses`)
      .send({ code: late, submissionId: nonce(), response: validResponse() });
  });

  it('counts codes issued, drafts started and submissions', async () => {
    const res = await request(app)
      .get(`/api/v1/admin/survey-editions/${slug}/monitoring`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    expect(res.status).to.equal(200);
    expect(res.body.codes).to.deep.equal({
      issued: 37,
      draftsStarted: 4,
      draftsInProgress: 4,
      submitted: 17,
      awaitingMix: 1,
    });
    expect(res.body.responses).to.deep.equal({
      total: 17,
      openMode: 0,
      flagged: 0,
      byChannel: { online: 17, paper: 0, phone: 0 },
    });
  });

  it('counts submissions per block and respondents per unit', async () => {
    const res = await request(app)
      .get(`/api/v1/admin/survey-editions/${slug}/monitoring`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    const [dept, loc] = res.body.blocks as Array<{
      block: string;
      responses: number;
      units: Array<{ code: string; respondents: number }>;
    }>;
    expect(dept!.block).to.equal('departments');
    expect(dept!.responses).to.equal(17);
    expect(Object.fromEntries(dept!.units.map((u) => [u.code, u.respondents]))).to.deep.include({
      SO_KHDT: 17,
      SO_TC: 17,
      SO_XD: 0,
    });
    expect(loc!.units.find((u) => u.code === 'X_HOA_LAC')!.respondents).to.equal(17);
  });

  it('gives response rates by size and sector with cells under 5 firms suppressed', async () => {
    const res = await request(app)
      .get(`/api/v1/admin/survey-editions/${slug}/monitoring`)
      .set('authorization', `Bearer ${ANALYST_TOKEN}`);
    const bySize = Object.fromEntries((res.body.responseRate.bySize as Cell[]).map((c) => [c.value, c]));
    expect(bySize.micro).to.deep.equal({
      value: 'micro',
      issued: 12,
      submitted: 7,
      rate: 7 / 12,
      suppressed: false,
    });
    expect(bySize.small).to.deep.include({ issued: 8, submitted: 5, suppressed: false });
    expect(bySize.medium).to.deep.equal({
      value: 'medium',
      issued: null,
      submitted: null,
      rate: null,
      suppressed: true,
    });
    expect(bySize.large!.suppressed).to.equal(true);
    const bySector = Object.fromEntries((res.body.responseRate.bySector as Cell[]).map((c) => [c.value, c]));
    expect(bySector.trade).to.deep.include({ issued: 16, submitted: 9 });
    expect(bySector.manufacturing).to.deep.include({ issued: 17, submitted: 8 });
    expect(JSON.stringify(res.body)).not.to.match(/firmRef|micro-\d/);
  });
});
