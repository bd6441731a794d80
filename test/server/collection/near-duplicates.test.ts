import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { codeHasher } from '#server/collection/code-hash.js';
import { requireEdition } from '#server/collection/editions.js';
import { nearDuplicates, type AnswerVector } from '#server/collection/near-duplicates.js';
import { MIN_COMPARED, NEAR_DUPLICATE_SHARE, refreshQualityFlags } from '#server/collection/quality.js';
import { submitResponse } from '#server/collection/submit.js';
import { responses } from '#server/db/schema/index.js';
import type { SurveyResponse } from '#surveys/types.js';
import { describeEachDatabase } from '#test/support/db.js';
import { mixNow } from './mix.js';
import { CODE_SECRET, publishEdition, seedFamily, testApp, validResponse } from './support.js';

// A flood of near-identical open-mode answers must flag the flood, never the genuine answers
// stored before it, and never the first member of a cluster. The submissions go straight to
// submitResponse: the HTTP open-mode limit (5 per client an hour) is tested in harden/limits.

const GENUINE = 8;
const COPIES = 120;
const OWN_CLUSTER = 40;

const RATED = ['TR1', 'TR3', 'DY1', 'DY3', 'TC1', 'TC2', 'TC4', 'BS3'];

/** Genuine answer i: 16 ratings from a seeded sequence, so no two are within 95 % of each other. */
function genuine(i: number): SurveyResponse {
  const r = validResponse(1 + (i % 4));
  let seed = 7919 * (i + 1);
  for (const unit of [r.units!.departments!.SO_KHDT!, r.units!.departments!.SO_TC!])
    for (const item of RATED) unit[item] = 1 + ((seed = (seed * 48271) % 2147483647) % 4);
  return r;
}

/** A copy of `base` with one rating changed: 95 %+ of its answers equal. */
function nearCopy(base: SurveyResponse, n: number): SurveyResponse {
  const r = structuredClone(base);
  r.units!.departments!.SO_TC!.TR2 = 1 + (n % 4);
  return r;
}

const RULE = { share: NEAR_DUPLICATE_SHARE, minCompared: MIN_COMPARED };

/** A vector of `size` answers "i" → value from a seeded sequence. */
function vector(id: string, batch: number, seed: number, size = 40): AnswerVector {
  const answers = new Map<string, string>();
  for (let i = 0; i < size; i++) answers.set(`u/${i}`, String((seed = (seed * 48271) % 2147483647) % 5));
  return { id, batch, answers };
}

describe('nearDuplicates(vectors, rule)', () => {
  it('flags the later of two near-equal answers, by batch first, then by id within a batch', () => {
    const a = vector('b', 1, 11);
    const copy = { id: 'a', batch: 2, answers: new Map(a.answers) };
    const sameBatch = { id: 'c', batch: 1, answers: new Map(a.answers) };
    expect([...nearDuplicates([copy, a], RULE).keys()]).to.deep.equal(['a']);
    expect([...nearDuplicates([sameBatch, a], RULE).keys()]).to.deep.equal(['c']);
  });

  it('compares only answer sets of at least minCompared items, and below the share flags nothing', () => {
    const small = vector('x', 1, 5, 9);
    const other = vector('y', 2, 6);
    const changed = { id: 'z', batch: 2, answers: new Map(other.answers) };
    for (let i = 0; i < 3; i++) changed.answers.set(`u/${i}`, 'changed');
    const flagged = nearDuplicates([small, { ...small, id: 'x2', batch: 2 }, other, changed], RULE);
    expect(flagged.size).to.equal(0); // 9 answers are too few; 37/43 equal is under 95 %
  });

  it('nearDuplicates finds exactly what comparing every pair with every earlier unflagged response finds', () => {
    let seed = 12345;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const bases = Array.from({ length: 12 }, (_, i) => vector(`base${i}`, 0, i + 3, 10 + rand(110)));
    const vectors = Array.from({ length: 600 }, (_, i) => {
      const answers = new Map(bases[rand(bases.length)]!.answers);
      for (let c = rand(4); c > 0; c--) answers.set(`u/${rand(130)}`, String(rand(5)));
      if (rand(3) === 0) answers.delete(`u/${rand(120)}`);
      return { id: `v${String(i).padStart(3, '0')}`, batch: rand(5), answers };
    });
    const reference = new Map<string, number>();
    const kept: AnswerVector[] = [];
    const sorted = [...vectors].sort((a, b) => a.batch - b.batch || (a.id < b.id ? -1 : 1));
    for (const v of sorted) {
      let best = 0;
      for (const k of kept) {
        let equal = 0;
        for (const [key, value] of v.answers) if (k.answers.get(key) === value) equal++;
        const union = v.answers.size + k.answers.size - equal;
        if (union >= MIN_COMPARED) best = Math.max(best, equal / union);
      }
      if (best >= NEAR_DUPLICATE_SHARE) reference.set(v.id, best);
      else kept.push(v);
    }
    expect(reference.size).to.be.greaterThan(100);
    expect([...nearDuplicates(vectors, RULE)].sort()).to.deep.equal([...reference].sort());
  });

  it('stays about linear: 2 × 10,000 responses (half a flood of copies) take about twice 2 × 5,000 (printed)', () => {
    const run = (n: number) => {
      const genuine = Array.from({ length: n }, (_, i) => vector(`g${i}`, 1, i + 1));
      const flood = Array.from({ length: n }, (_, i) => {
        const v = { id: `f${i}`, batch: 2, answers: new Map(genuine[0]!.answers) };
        v.answers.set('u/0', `flood${i % 3}`);
        return v;
      });
      const t = performance.now();
      const flagged = nearDuplicates([...flood, ...genuine], RULE);
      const ms = performance.now() - t;
      console.log(`      ${2 * n} responses (${n} copies): ${ms.toFixed(0)} ms, ${flagged.size} flagged`);
      expect(flagged.size).to.equal(n);
      expect(genuine.some((g) => flagged.has(g.id))).to.equal(false);
      return ms;
    };
    const ratio = run(10_000) / run(5_000);
    console.log(`      ratio: ${ratio.toFixed(1)}× for twice the responses (quadratic: 4×)`);
  });
});

describeEachDatabase('near-duplicate flag under a flood of open-mode answers', (ctx) => {
  let editionId: number;
  const stored = () =>
    ctx.database.db
      .select({ id: responses.id, batch: responses.mixBatch, flags: responses.qualityFlags })
      .from(responses)
      .where(eq(responses.surveyEditionId, editionId));

  before(async () => {
    await seedFamily(ctx.database.db);
    const { app } = testApp(ctx.database);
    const slug = await publishEdition(app, { openMode: true });
    const edition = await requireEdition(ctx.database.db, slug);
    editionId = edition.id;
    const hasher = codeHasher(CODE_SECRET);
    const send = (response: SurveyResponse) =>
      submitResponse(ctx.database.db, hasher, edition, {
        code: undefined,
        nonce: randomUUID(),
        response,
        channel: 'online',
      });
    for (let i = 0; i < GENUINE; i++) await send(genuine(i));
    expect(await mixNow(ctx.database.db)).to.deep.equal([GENUINE]); // batch 1
    // The flood: copies of genuine answer 0, and a cluster of its own (a pattern nobody sent before).
    const own = genuine(100);
    for (let n = 0; n < COPIES; n++) await send(nearCopy(genuine(0), n));
    for (let n = 0; n < OWN_CLUSTER; n++) await send(nearCopy(own, n));
    expect(await mixNow(ctx.database.db)).to.deep.equal([COPIES + OWN_CLUSTER]); // batch 2
  });

  it('refreshQualityFlags flags every copy and all but the first of a new cluster, and no genuine earlier answer', async () => {
    const t = performance.now();
    const summary = await refreshQualityFlags(ctx.database.db, editionId);
    const ms = performance.now() - t;
    const total = GENUINE + COPIES + OWN_CLUSTER;
    console.log(`      refreshQualityFlags over ${total} open-mode responses: ${ms.toFixed(0)} ms`);
    const rows = await stored();
    const isFlagged = (r: (typeof rows)[number]) => r.flags.some((f) => f.code === 'near_duplicate');
    const first = rows.filter((r) => r.batch === 1);
    const flood = rows.filter((r) => r.batch === 2);
    expect(first).to.have.length(GENUINE);
    expect(first.filter(isFlagged)).to.deep.equal([]);
    // Copies of genuine answer 0 all repeat it; the new cluster keeps its first member unflagged.
    expect(flood.filter(isFlagged)).to.have.length(COPIES + OWN_CLUSTER - 1);
    expect(summary.near_duplicate).to.equal(COPIES + OWN_CLUSTER - 1);
    const reason = flood.find(isFlagged)!.flags.find((f) => f.code === 'near_duplicate')!.reason;
    expect(reason.en).to.match(/^\d+% of answers equal to an open-mode .* stored before it$/);
    expect(reason.vi).to.match(/được lưu trước đó$/);
  });

  it('refreshQualityFlags run again changes nothing (the flags are stable)', async () => {
    const before = (await stored()).map((r) => [r.id, r.flags.length]).sort();
    await refreshQualityFlags(ctx.database.db, editionId);
    const after = (await stored()).map((r) => [r.id, r.flags.length]).sort();
    expect(after).to.deep.equal(before);
  });
});
