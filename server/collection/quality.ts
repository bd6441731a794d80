import { and, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import type { QualityFlag, QualitySummary } from '#api/collection-admin.js';
import { completionTimes, responseRatings, responses } from '#server/db/schema/index.js';
import type { LoadedEdition } from './editions.js';
import { nearDuplicates, type AnswerVector } from './near-duplicates.js';
import { ratingItems, type RatingRow } from './ratings.js';
import { isServiceEdition } from '#server/visit/flags.js';

// Quality flags mark a response with a reason; nothing is ever dropped. Scoring and the aggregates
// decide whether flagged responses count (includeFlagged).

/** A speeder took under this share of the median completion time. */
export const SPEEDER_SHARE = 0.3;
/** Fewer timed responses than this give no stable median: no speeder flags. */
export const MIN_TIMED = 10;
/** Straight-lining: at least this many rating items of one unit, all with the same answer. */
export const MIN_STRAIGHT_ITEMS = 6;
/** Near-duplicate open-mode submissions: this share of answers equal to an earlier one, over at least MIN_COMPARED answers. */
export const NEAR_DUPLICATE_SHARE = 0.95;
export const MIN_COMPARED = 10;

/** Same answer to every rating item of a unit (don't-know excluded), when there are enough of them. */
export function straightLining(edition: LoadedEdition, ratings: RatingRow[]): QualityFlag | undefined {
  const rating = ratingItems(edition.definition);
  const byUnit = new Map<number, number[]>();
  for (const r of ratings) {
    if (r.value === null || !rating.get(r.blockKey)?.has(r.item)) continue;
    const list = byUnit.get(r.unitId) ?? [];
    list.push(r.value);
    byUnit.set(r.unitId, list);
  }
  for (const [unitId, values] of byUnit) {
    if (values.length >= MIN_STRAIGHT_ITEMS && values.every((v) => v === values[0])) {
      const unit = [...edition.unitIds].find(([, id]) => id === unitId)?.[0].split('/')[1] ?? String(unitId);
      return {
        code: 'straight_lining',
        reason: {
          vi: `Cùng một mức trả lời (${values[0]}) cho cả ${values.length} câu đánh giá của đơn vị ${unit}`,
          en: `The same answer (${values[0]}) to all ${values.length} rating items of unit ${unit}`,
        },
      };
    }
  }
  return undefined;
}

/** The median of a histogram of whole minutes (value → count), or null under MIN_TIMED. */
export function histogramMedian(bins: Array<{ minutes: number; n: number }>): number | null {
  const sorted = [...bins].sort((a, b) => a.minutes - b.minutes);
  const total = sorted.reduce((s, b) => s + b.n, 0);
  if (total < MIN_TIMED) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const b of sorted) if ((seen += b.n) > rank) return b.minutes;
    return sorted[sorted.length - 1]!.minutes;
  };
  return total % 2 ? at(total >> 1) : (at((total >> 1) - 1) + at(total >> 1)) / 2;
}

/** The edition's median completion time, from its histogram (completion_times). */
export async function medianMinutes(db: Db, surveyEditionId: number): Promise<number | null> {
  const bins = await db
    .select({ minutes: completionTimes.minutes, n: completionTimes.n })
    .from(completionTimes)
    .where(eq(completionTimes.surveyEditionId, surveyEditionId));
  return histogramMedian(bins);
}

/**
 * The speeder flag, decided when the response is mixed: its own minutes are not kept with it (they
 * could be matched to the times a code was seen in use), so the reason names only the median.
 */
export function speederFlag(minutes: number | null, median: number | null): QualityFlag | undefined {
  if (minutes === null || median === null || !(minutes < SPEEDER_SHARE * median)) return undefined;
  return {
    code: 'speeder',
    reason: {
      vi: `Hoàn thành trong thời gian dưới ${SPEEDER_SHARE * 100}% trung vị của kỳ khảo sát (${median} phút)`,
      en: `Completed in under ${SPEEDER_SHARE * 100}% of the edition's median time (${median} min)`,
    },
  };
}

/** Near-duplicates among the edition's open-mode responses: only the later members of a cluster. */
async function openModeNearDuplicates(db: Db, surveyEditionId: number): Promise<Map<string, number>> {
  const openRatings = await db
    .select({
      id: responseRatings.responseId,
      batch: responses.mixBatch,
      unitId: responseRatings.unitId,
      item: responseRatings.item,
      value: responseRatings.value,
      raw: responseRatings.raw,
    })
    .from(responseRatings)
    .innerJoin(responses, eq(responses.id, responseRatings.responseId))
    .where(and(eq(responses.surveyEditionId, surveyEditionId), eq(responses.openMode, true)));
  const vectors = new Map<string, AnswerVector>();
  for (const r of openRatings) {
    let v = vectors.get(r.id);
    if (!v) vectors.set(r.id, (v = { id: r.id, batch: r.batch, answers: new Map() }));
    v.answers.set(`${r.unitId}/${r.item}`, r.value !== null ? String(r.value) : JSON.stringify(r.raw));
  }
  return nearDuplicates([...vectors.values()], { share: NEAR_DUPLICATE_SHARE, minCompared: MIN_COMPARED });
}

/**
 * Recomputes the flag that depends on other responses (near-duplicates among open-mode
 * submissions) and keeps the flags set when the response was mixed (straight-lining; speeder,
 * against the median at that time). Only rows whose flags change are written.
 */
export async function refreshQualityFlags(db: Db, surveyEditionId: number): Promise<QualitySummary> {
  const rows = await db
    .select({
      id: responses.id,
      openMode: responses.openMode,
      flags: responses.qualityFlags,
    })
    .from(responses)
    .where(eq(responses.surveyEditionId, surveyEditionId));
  const med = await medianMinutes(db, surveyEditionId);

  // Visits at service centres share a few modal answer patterns by nature; their floods are flagged
  // per address and centre at submission instead (burst, server/visit/flags.ts).
  const nearDup = (await isServiceEdition(db, surveyEditionId))
    ? new Map<string, number>()
    : await openModeNearDuplicates(db, surveyEditionId);

  const summary: QualitySummary = {
    responses: rows.length,
    medianMinutes: med,
    speeder: 0,
    straight_lining: 0,
    near_duplicate: 0,
    burst: 0,
    flagged: 0,
  };
  const changes: Array<{ id: string; flags: QualityFlag[] }> = [];
  for (const r of rows) {
    const flags: QualityFlag[] = r.flags.filter((f) => f.code !== 'near_duplicate');
    const share = nearDup.get(r.id);
    if (share !== undefined) {
      const pct = Math.round(share * 100);
      flags.push({
        code: 'near_duplicate',
        reason: {
          vi: `Giống ${pct}% câu trả lời với một phản hồi ở chế độ mở (không dùng mã) được lưu trước đó`,
          en: `${pct}% of answers equal to an open-mode (no code) submission stored before it`,
        },
      });
    }
    for (const f of flags) summary[f.code]++;
    if (flags.length > 0) summary.flagged++;
    if (JSON.stringify(flags) !== JSON.stringify(r.flags)) changes.push({ id: r.id, flags });
  }
  if (changes.length > 0) {
    await db.transaction(async (tx) => {
      for (const c of changes) {
        await tx
          .update(responses)
          .set({ qualityFlags: c.flags, flagged: c.flags.length > 0 })
          .where(eq(responses.id, c.id));
      }
    });
  }
  return summary;
}
