import { verify } from 'node:crypto';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import type { ReleaseDocument } from '#api/releases.js';
import { randomSource } from '#scoring/random.js';
import { sipasVisit2026 } from '#surveys/shipped.js';
import { CLI_ACTOR } from '#server/auth/actor.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { readCsvBuffer } from '#server/collection/import-read.js';
import { mixEdition } from '#server/collection/mixer.js';
import { checkResponse, storeResponse } from '#server/collection/submit.js';
import type { Db } from '#server/db/client.js';
import { blocks, editions, families, familySettings, releases, units } from '#server/db/schema/index.js';
import { importDelivery } from '#server/delivery/store.js';
import { synthesizeVisit } from '#server/monthly/demo-visits.js';
import { openPeriodEdition } from '#server/monthly/editions.js';
import { publishPeriodEdition } from '#server/monthly/publish.js';
import { ephemeralSigningKey } from '#server/releases/signing.js';
import { describeEachDatabase } from '#test/support/db.js';

const FAMILY = 'svc-monthly-test';
const key = ephemeralSigningKey();

/** Visits per centre: A and B reach the shipped methodology's minimum of 20, C does not. */
const VISITS: Record<string, number> = { C_A: 26, C_B: 24, C_C: 6 };

async function setUp(db: Db): Promise<void> {
  const [f] = await db
    .insert(families)
    .values({ code: FAMILY, kind: 'service', nameVi: 'Phục vụ thử', nameEn: 'Service test' })
    .returning();
  await db.insert(familySettings).values({ familyId: f!.id, editionPeriod: 'month' });
  const [b] = await db
    .insert(blocks)
    .values({ familyId: f!.id, code: 'centres', nameVi: 'Trung tâm', nameEn: 'Centres' })
    .returning();
  await db.insert(units).values([
    ...Object.keys(VISITS).map((code) => ({ blockId: b!.id, code, nameVi: `TT ${code}`, nameEn: code })),
    // Closed before March 2026: not in the March edition.
    { blockId: b!.id, code: 'C_OLD', nameVi: 'TT cũ', nameEn: 'Old', validTo: '2025-06-30' },
  ]);
}

async function visitMonth(db: Db, period: number, quality: number): Promise<void> {
  const edition = await openPeriodEdition(db, { family: FAMILY, period, definition: sipasVisit2026 });
  const hasher = codeHasher(Buffer.alloc(32, 7));
  const rng = randomSource(`test/${period}`);
  let n = 0;
  await db.transaction(async (tx) => {
    for (const [centre, count] of Object.entries(VISITS))
      for (let i = 0; i < count; i++)
        await storeResponse(tx as unknown as Db, hasher, edition, {
          code: undefined,
          nonce: `t-${period}-${n++}`,
          response: checkResponse(edition, synthesizeVisit(sipasVisit2026, rng, 's', centre, quality)),
          channel: 'online',
          clientSeconds: 90,
          submittedOn: `${String(period).slice(0, 4)}-${String(period).slice(4)}-10`,
        });
  });
  await mixEdition(db, hasher, edition.id, { k: 20, final: true });
}

const delivery = (month: string, onTime: string) =>
  readCsvBuffer(
    Buffer.from(
      `centre,month,received,on_time,online,e_result\nC_A,${month},500,${onTime},0.6,0.9\nC_B,${month},300,0.9,0.5,0.8\nC_C,${month},40,0.8,0.4,0.7\n`,
    ),
  );

describeEachDatabase('publishPeriodEdition: monthly editions published as signed releases', (ctx) => {
  let march: ReleaseDocument;
  let april: ReleaseDocument;

  before(async function () {
    this.timeout(300_000);
    const db = ctx.database.db;
    await setUp(db);
    await visitMonth(db, 202603, 0.5);
    await visitMonth(db, 202604, 0.7);
    await importDelivery(db, CLI_ACTOR, FAMILY, delivery('2026-03', '0.99'), '2026-12-01');
    await importDelivery(db, CLI_ACTOR, FAMILY, delivery('2026-04', '0.70'), '2026-12-01');
    march = (await publishPeriodEdition(db, key, { family: FAMILY, period: 202603 })).document;
    april = (await publishPeriodEdition(db, key, { family: FAMILY, period: 202604 })).document;
  });

  it('opens one edition per month (YYYYMM) with the centres that existed that month', async () => {
    const rows = await ctx.database.db
      .select({ year: editions.year })
      .from(editions)
      .innerJoin(families, eq(families.id, editions.familyId))
      .where(eq(families.code, FAMILY));
    expect(rows.map((r) => r.year).sort()).to.deep.equal([202603, 202604]);
    expect(march.blocks[0]!.units.map((u) => u.code).sort()).to.deep.equal(['C_A', 'C_B', 'C_C']);
  });

  it('names the month in the title and signs the document with the deployment key', async () => {
    expect(march.edition).to.equal(202603);
    expect(march.title.vi).to.contain('tháng 3/2026');
    expect(march.title.en).to.contain('March 2026');
    const [row] = await ctx.database.db.select().from(releases).where(eq(releases.id, march.id));
    const ok = verify(null, Buffer.from(row!.document), key.publicKey, Buffer.from(row!.signature, 'base64'));
    expect(ok).to.equal(true);
  });

  it('suppresses a centre below the minimum of visits, with its reason, and scores the others', () => {
    const byCode = new Map(march.blocks[0]!.units.map((u) => [u.code, u]));
    expect(byCode.get('C_C')!.composite).to.include({ value: null, reason: 'unit-suppressed' });
    expect(byCode.get('C_C')!.n).to.be.below(20);
    for (const code of ['C_A', 'C_B']) {
      const unit = byCode.get(code)!;
      expect(unit.composite.value, code).to.be.within(0, 100);
      // Visits flagged for quality (straight-lining) are left out, as an analyst publishes.
      expect(unit.n).to.be.within(20, VISITS[code]!);
      for (const factor of ['access', 'procedure', 'civil_servant', 'result', 'feedback', 'service_delivery'])
        expect(unit.subIndices[factor]!.value, `${code} ${factor}`).to.be.a('number');
    }
  });

  it('uses the month delivery figures as hard indicators of the service-delivery sub-index', () => {
    const a = (doc: ReleaseDocument) => doc.blocks[0]!.units.find((u) => u.code === 'C_A')!;
    expect(a(march).indicatorValues!.on_time!.raw).to.equal(0.99);
    expect(a(april).indicatorValues!.on_time!.raw).to.equal(0.7);
    expect(a(march).indicatorValues!.on_time!.score).to.be.closeTo(9.9, 1e-9);
  });

  it('compares each month with the previous one', () => {
    expect(april.previous).to.equal(march.id);
    const a = april.blocks[0]!.units.find((u) => u.code === 'C_A')!;
    expect(a.change!.release).to.equal(march.id);
    expect(a.change!.score).to.be.a('number');
  });
});
