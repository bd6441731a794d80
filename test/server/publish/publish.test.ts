import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { createApp } from '#server/app.js';
import type { Ranking } from '#server/api-types.js';
import { editions, families } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { publishDemoScores } from '#server/publish/demo.js';
import { shippedMethodology } from '#server/publish/methodology-file.js';
import { loadObservations } from '#server/publish/observations.js';
import { loadEditionInputs, scoreSurveyEdition } from '#server/publish/score-edition.js';
import { AlreadyPublished, storeIndexResult } from '#server/publish/store-result.js';
import { DEMO_FAMILY, seedDemo } from '#server/seed/demo.js';
import { describeEachDatabase } from '#test/support/db.js';

const methodology = shippedMethodology('ddci-demo');

describeEachDatabase('publishing survey-based scores', (ctx) => {
  const db = () => ctx.database.db;
  const app = () =>
    createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'test' },
      database: ctx.database,
      logger: createLogger('silent'),
    });

  before(async function () {
    this.timeout(300_000);
    await seedDemo(db(), () => {}, { firms: 900 });
  });

  it('loadObservations(db, edition) gives one observation per response and rated unit, with profile and flags', async () => {
    const inputs = await loadEditionInputs(db(), DEMO_FAMILY, 2025, methodology);
    const { observations, units } = inputs.microdata;
    expect(units.filter((u) => u.block === 'departments').length).to.be.greaterThan(10);
    expect(observations.length).to.be.greaterThan(100);
    const o = observations[0]!;
    expect(units.some((u) => u.code === o.unit && u.block === o.block)).to.equal(true);
    expect(o.profile).to.have.property('size');
    expect(observations.some((x) => (x.flags ?? []).length > 0)).to.equal(true);
    expect(
      Object.values(o.answers).every(
        (v) => v === null || typeof v === 'number' || typeof v === 'string' || Array.isArray(v),
      ),
    ).to.equal(true);
  });

  it('scoreSurveyEdition(db, family, 2024, m) pools benchmarks with 2023 only, never with later editions', async () => {
    const score = await scoreSurveyEdition(db(), DEMO_FAMILY, 2024, methodology);
    expect(score.history).to.deep.equal([2023]);
    const first = await scoreSurveyEdition(db(), DEMO_FAMILY, 2023, methodology);
    expect(first.history).to.deep.equal([]);
    const tr1 = first.result.blocks.departments!.nodes.tr1!;
    expect(tr1.benchmark?.missingEditions).to.include.members([2024, 2025]);
  });

  it('scoreSurveyEdition(..., {excludeFlagged: true}) leaves flagged responses out', async () => {
    const all = await loadEditionInputs(db(), DEMO_FAMILY, 2025, methodology);
    const clean = await loadEditionInputs(db(), DEMO_FAMILY, 2025, methodology, { excludeFlagged: true });
    const flagged = all.microdata.observations.filter((o) => (o.flags ?? []).length > 0).length;
    expect(flagged).to.be.greaterThan(0);
    expect(clean.table.excludedObservations).to.equal(flagged);
    expect(all.table.excludedObservations).to.equal(0);
  });

  it('publishDemoScores(db) publishes 2023–2025; the composite is the scaled mean of the sub-indices', async function () {
    this.timeout(120_000);
    expect(await publishDemoScores(db())).to.equal(true);
    expect(await publishDemoScores(db())).to.equal(false);
    const [fam] = await db().select().from(families).where(eq(families.code, DEMO_FAMILY));
    const eds = await db().select().from(editions).where(eq(editions.familyId, fam!.id));
    expect(eds.map((e) => [e.year, e.status, e.methodologyVersion]).sort()).to.deep.equal([
      [2023, 'published', 'ddci-demo@2025'],
      [2024, 'published', 'ddci-demo@2025'],
      [2025, 'published', 'ddci-demo@2025'],
    ]);
    for (const block of ['departments', 'localities']) {
      const r = (await request(app()).get(`/api/v1/rankings/${DEMO_FAMILY}/2025?block=${block}`).expect(200))
        .body as Ranking;
      expect(r.family.isDemo).to.equal(true);
      expect(r.components).to.have.length(block === 'departments' ? 8 : 10);
      const scored = r.rows.filter((row) => row.composite !== null);
      expect(scored.length).to.be.greaterThan(3);
      for (const row of scored) {
        const subs = r.components.map((c) => row.scores[c.code]).filter((v): v is number => v !== null);
        // Equal weights, arithmetic mean, scale [0, 10] → [0, 100].
        expect(row.composite!).to.be.closeTo((10 * subs.reduce((a, b) => a + b, 0)) / subs.length, 1e-9);
        expect(row.composite!).to.be.within(0, 100);
        expect(row.rank).to.equal(1 + scored.filter((o) => o.composite! > row.composite!).length);
        expect(row.tier).to.not.equal(null);
      }
      for (const row of r.rows.filter((x) => x.composite === null)) expect(row.rank).to.equal(null);
    }
  });

  it('storeIndexResult(db, ...) refuses to overwrite a published edition unless asked to replace it', async () => {
    const { result } = await scoreSurveyEdition(db(), DEMO_FAMILY, 2025, methodology);
    let error: unknown;
    await storeIndexResult(db(), DEMO_FAMILY, 2025, methodology, result).catch((e) => (error = e));
    expect(error).to.be.instanceOf(AlreadyPublished);
    const before = (await request(app()).get(`/api/v1/rankings/${DEMO_FAMILY}/2025`)).body as Ranking;
    const again = await storeIndexResult(db(), DEMO_FAMILY, 2025, methodology, result, { replace: true });
    expect(again.scores).to.be.greaterThan(0);
    const after = (await request(app()).get(`/api/v1/rankings/${DEMO_FAMILY}/2025`)).body as Ranking;
    // Scoring the same responses with flags included can change scores, but the shape is the same.
    expect(after.rows.map((r) => r.unit.code).sort()).to.deep.equal(
      before.rows.map((r) => r.unit.code).sort(),
    );
  });

  it('loadObservations(db, unknown edition) gives no observations', async () => {
    expect((await loadObservations(db(), 999_999)).observations).to.deep.equal([]);
  });
});

describeEachDatabase('publishDemoScores on a partial demo', (ctx) => {
  it('publishDemoScores(db) warns how to fix an interrupted seed instead of failing the start', async () => {
    const [fam] = await ctx.database.db
      .insert(families)
      .values({ code: DEMO_FAMILY, kind: 'ddci', nameVi: 'Demo', nameEn: 'Demo', isDemo: 1 })
      .returning();
    await ctx.database.db.insert(editions).values({ familyId: fam!.id, year: 2023 });
    const messages: string[] = [];
    expect(await publishDemoScores(ctx.database.db, (m) => messages.push(m))).to.equal(false);
    expect(messages).to.deep.equal([
      'Warning: the demo province has no 2024, 2025 edition (was the first start interrupted?). Its scores are not published. Start once with an empty DATA_DIR (or delete the database) to seed it again.',
    ]);
  });
});
