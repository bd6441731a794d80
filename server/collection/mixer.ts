import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import {
  completionTimes,
  drafts,
  pendingSubmissions,
  responseRatings,
  responses,
  surveyCodes,
  surveyEditions,
} from '#server/db/schema/index.js';
import type { QualityFlag } from '#api/collection-admin.js';
import type { CodeHasher } from './code-hash.js';
import { countStrata } from './codes.js';
import { vietnamToday } from './editions.js';
import { medianMinutes, speederFlag } from './quality.js';
import { unseal } from './seal.js';
import type { PendingPayload } from './submit.js';

// The mixer moves pending submissions into responses / response_ratings: per edition, in one
// transaction of its own, in random order, at least k coded submissions at a time, with fresh
// random ids and the batch's latest day as the date, and marks the batch's codes stored in the
// same transaction. See README.md ("Anonymity guarantee") for what this does and does not hide.

export interface MixerSettings {
  /** Smallest batch of coded submissions (the anonymity set k). */
  k: number;
  /** After the window has closed, a smaller final batch waits at most this long. */
  maxDelayMs: number;
}

export const DEFAULT_MIXER: MixerSettings = { k: 20, maxDelayMs: 72 * 3600_000 };

export interface MixSummary {
  /** Batches stored, with their sizes (coded + open-mode submissions). */
  batches: number[];
  /** Editions whose pending rows could not be opened with this server's key (left as they are). */
  unreadable: number[];
}

/** Fisher–Yates with node:crypto, so the physical order of a batch follows no clock or key. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Adds the batch's completion times to the edition's histogram; returns the new median. */
async function recordTimes(tx: Db, surveyEditionId: number, batch: PendingPayload[]) {
  const bins = new Map<number, number>();
  for (const p of batch) if (p.minutes !== null) bins.set(p.minutes, (bins.get(p.minutes) ?? 0) + 1);
  if (bins.size > 0) {
    await tx
      .insert(completionTimes)
      .values([...bins].map(([minutes, n]) => ({ surveyEditionId, minutes, n })))
      .onConflictDoUpdate({
        target: [completionTimes.surveyEditionId, completionTimes.minutes],
        set: { n: sql`${completionTimes.n} + excluded.n` },
      });
  }
  return medianMinutes(tx, surveyEditionId);
}

async function insertBatch(tx: Db, surveyEditionId: number, batch: PendingPayload[], median: number | null) {
  const day = batch.reduce((d, p) => (p.submittedOn > d ? p.submittedOn : d), batch[0]!.submittedOn);
  // The batch's number in its edition: the order of batches, which their transaction id shows anyway.
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${responses.mixBatch}), 0) + 1` })
    .from(responses)
    .where(eq(responses.surveyEditionId, surveyEditionId))) as [{ next: number }];
  const rows = batch.map((p) => {
    const speeder = speederFlag(p.minutes, median);
    const flags: QualityFlag[] = speeder ? [...p.flags, speeder] : p.flags;
    return {
      id: randomUUID(),
      c: p.channel,
      o: p.openMode,
      p: p.profile,
      a: p.answers,
      f: flags,
      r: p.ratings,
    };
  });
  await tx.execute(sql`
    insert into ${responses} (id, survey_edition_id, channel, submitted_on, mix_batch, open_mode, profile, answers, quality_flags, flagged)
    select (x->>'id')::uuid, ${surveyEditionId}::int, x->>'c', ${day}::date, ${Number(next)}::int, (x->>'o')::boolean, x->'p', x->'a',
      x->'f', jsonb_array_length(x->'f') > 0
    from jsonb_array_elements(${JSON.stringify(rows.map(({ r: _r, ...x }) => x))}::jsonb) with ordinality as t(x, ord)
    order by t.ord`);
  const ratings = rows.flatMap((row) => row.r.map(([b, u, i, v, raw, d]) => [row.id, b, u, i, v, raw, d]));
  if (ratings.length > 0) {
    // One parameter for the whole batch: see bench/submit.ts.
    await tx.execute(sql`
      insert into ${responseRatings} (response_id, survey_edition_id, block_key, unit_id, item, value, raw, dont_know)
      select (x->>0)::uuid, ${surveyEditionId}::int, x->>1, (x->>2)::int, x->>3, (x->>4)::float8, nullif(x->5, 'null'::jsonb), (x->>6)::boolean
      from jsonb_array_elements(${JSON.stringify(ratings)}::jsonb) with ordinality as t(x, ord)
      order by t.ord`);
  }
}

/**
 * Mixes the pending submissions of one edition if there are at least `k` coded ones, or `k` open
 * ones and no coded one (or any, when `final`). Rows another mixer holds are skipped. Returns the batch size, 0 when nothing was mixed.
 * Call `compactSensitiveTables` afterwards (outside any transaction).
 */
export async function mixEdition(
  db: Db,
  hasher: CodeHasher,
  surveyEditionId: number,
  opts: { k: number; final?: boolean },
): Promise<number> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const pending = await tx
      .select({
        id: pendingSubmissions.id,
        coded: pendingSubmissions.coded,
        sealed: pendingSubmissions.sealed,
      })
      .from(pendingSubmissions)
      .where(eq(pendingSubmissions.surveyEditionId, surveyEditionId))
      .for('update', { skipLocked: true });
    const coded = pending.filter((p) => p.coded).length;
    // An edition answered only without codes (visits through a centre token) mixes once k wait;
    // with any coded submission waiting, k coded ones are needed, so open rows never shrink that set.
    const ready = coded >= opts.k || (coded === 0 && pending.length >= opts.k);
    if (pending.length === 0 || (!opts.final && !ready)) return 0;
    const batch = shuffle(
      pending.map((p) => unseal<PendingPayload>(hasher.sealKey, 'pending', p.sealed, p.id)),
    );
    const median = await recordTimes(tx, surveyEditionId, batch);
    await insertBatch(tx, surveyEditionId, batch, median);
    const codes = batch.flatMap((p) => (p.codeHash === null ? [] : [p.codeHash]));
    for (let i = 0; i < codes.length; i += 1000) {
      const part = codes.slice(i, i + 1000);
      await tx
        .update(surveyCodes)
        .set({ stored: true })
        .where(and(eq(surveyCodes.surveyEditionId, surveyEditionId), inArray(surveyCodes.codeHash, part)));
      await tx.delete(drafts).where(inArray(drafts.codeHash, part));
    }
    await countStrata(
      tx,
      surveyEditionId,
      batch.map((p) => p.strata),
      'submitted',
    );
    const ids = pending.map((p) => p.id);
    for (let i = 0; i < ids.length; i += 1000)
      await tx.delete(pendingSubmissions).where(inArray(pendingSubmissions.id, ids.slice(i, i + 1000)));
    return batch.length;
  });
}

/**
 * Rewrites the tables whose deleted rows held a submission next to its code (pending_submissions,
 * drafts), so no dead row version stays in the live data files. VACUUM FULL cannot run in a
 * transaction; it takes a short exclusive lock on these small tables.
 */
export async function compactSensitiveTables(db: Db): Promise<void> {
  await db.execute(sql`vacuum full ${pendingSubmissions}`);
  await db.execute(sql`vacuum full ${drafts}`);
}

/**
 * One mixer pass over every edition with pending submissions: mixes those with at least k coded
 * submissions; after an edition's window has closed, also a smaller final batch once its oldest
 * submission has waited `maxDelayMs` (or at once with `force`, as the admin "mix now" and tests do).
 */
export async function runMixer(
  db: Db,
  hasher: CodeHasher,
  settings: MixerSettings,
  opts: { force?: boolean; now?: Date; compact?: boolean } = {},
): Promise<MixSummary> {
  const now = opts.now ?? new Date();
  const today = vietnamToday(now);
  const waiting = await db
    .select({
      id: pendingSubmissions.surveyEditionId,
      closesOn: surveyEditions.closesOn,
      oldest: sql<string>`min(${pendingSubmissions.queuedAt})`,
    })
    .from(pendingSubmissions)
    .innerJoin(surveyEditions, eq(surveyEditions.id, pendingSubmissions.surveyEditionId))
    .groupBy(pendingSubmissions.surveyEditionId, surveyEditions.closesOn);
  const summary: MixSummary = { batches: [], unreadable: [] };
  for (const e of waiting) {
    const waited = now.getTime() - new Date(e.oldest).getTime();
    const final = opts.force === true || (today > e.closesOn && waited >= settings.maxDelayMs);
    try {
      const n = await mixEdition(db, hasher, e.id, { k: settings.k, final });
      if (n > 0) summary.batches.push(n);
    } catch (err) {
      if (!(err instanceof Error) || !/unsupported state|authenticate|sealed/.test(err.message)) throw err;
      summary.unreadable.push(e.id);
    }
  }
  if (summary.batches.length > 0 && opts.compact !== false) await compactSensitiveTables(db);
  return summary;
}
