import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import type { QualityFlag } from '#api/collection-admin.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { runMixer } from '#server/collection/mixer.js';
import { refreshQualityFlags } from '#server/collection/quality.js';
import { responses, surveyEditions } from '#server/db/schema/index.js';
import { BURST_AFTER } from '#server/visit/flags.js';
import { describeEachDatabase, resetDatabase } from '#test/support/db.js';
import {
  CODE_SECRET,
  centreToken,
  nonce,
  publishVisitEdition,
  seedServiceFamily,
  visitApp,
  visitResponse,
} from './support.js';

const CENTRE = 'TTPV_X_TAN_PHU';
/** A satisfied visitor: 5 on every rating. */
const allFives = () => {
  const r = visitResponse(CENTRE, 5);
  Object.assign(r.units!.centres![CENTRE]!, { ACC1: 5, PRO1: 5 });
  return r;
};

describeEachDatabase('quality flags of visits, robust to floods', (ctx) => {
  let app: Express;
  let slug: string;
  const send = (t: string, client: string) =>
    request(app).post(`/api/v1/visit/${t}/responses`).set('x-forwarded-for', client).send({
      submissionId: nonce(),
      edition: slug,
      durationSeconds: 3,
      response: allFives(),
    });
  const stored = async () => {
    await runMixer(ctx.database.db, codeHasher(CODE_SECRET), { k: 1, maxDelayMs: 0 }, { force: true });
    return (await ctx.database.db.select({ flags: responses.qualityFlags }).from(responses)).map((r) =>
      (r.flags as QualityFlag[]).map((f) => f.code),
    );
  };

  before(async () => {
    await resetDatabase(ctx.database);
    await seedServiceFamily(ctx.database.db);
    app = visitApp(ctx.database, { perClient: 20 });
    slug = await publishVisitEdition(app);
  });

  it(`flags the visits of one address to one centre beyond ${BURST_AFTER} an hour, never the first ones nor a kiosk's`, async () => {
    const phone = await centreToken(app, CENTRE);
    const kiosk = await centreToken(app, CENTRE, { kiosk: true });
    for (let i = 0; i < BURST_AFTER + 3; i++) expect((await send(phone, '192.0.2.50')).status).to.equal(200);
    for (let i = 0; i < BURST_AFTER + 3; i++) expect((await send(kiosk, '192.0.2.60')).status).to.equal(200);
    const flags = await stored();
    expect(flags.filter((f) => f.includes('burst'))).to.have.length(3);
    expect(flags.filter((f) => f.length === 0)).to.have.length(BURST_AFTER + BURST_AFTER + 3);
  });

  it('neither straight-lining, speeding nor near-duplicates flag identical, quick, all-5 visits', async () => {
    const [edition] = await ctx.database.db
      .select()
      .from(surveyEditions)
      .where(eq(surveyEditions.slug, slug));
    const summary = await refreshQualityFlags(ctx.database.db, edition!.id);
    expect(summary).to.include({ straight_lining: 0, speeder: 0, near_duplicate: 0, burst: 3, flagged: 3 });
  });
});
