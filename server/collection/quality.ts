import { and, eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { responseRatings, responses, type QualityFlag } from '#server/db/schema/index.js';
import type { LoadedEdition } from './editions.js';
import { ratingItems, type RatingRow } from './ratings.js';

// Quality flags mark a response with a reason; nothing is ever dropped. Scoring and the aggregates
// decide whether flagged responses count (includeFlagged).

/** A speeder took under this share of the median completion time. */
export const SPEEDER_SHARE = 0.3;
/** Fewer timed responses than this give no stable median: no speeder flags. */
export const MIN_TIMED = 10;
/** Straight-lining: at least this many rating items of one unit, all with the same answer. */
export const MIN_STRAIGHT_ITEMS = 6;
/** Near-duplicate open-mode submissions: this share of answers equal, over at least MIN_COMPARED answers. */
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

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface QualitySummary {
  responses: number;
  medianMinutes: number | null;
  speeder: number;
  straight_lining: number;
  near_duplicate: number;
  flagged: number;
}

/**
 * Recomputes the flags that depend on other responses (speeders against the edition's median
 * completion time; near-duplicates among open-mode submissions) and keeps the straight-lining flag
 * set at submission. Only rows whose flags change are written.
 */
export async function refreshQualityFlags(db: Db, surveyEditionId: number): Promise<QualitySummary> {
  const rows = await db
    .select({
      id: responses.id,
      openMode: responses.openMode,
      minutes: responses.completionMinutes,
      flags: responses.qualityFlags,
    })
    .from(responses)
    .where(eq(responses.surveyEditionId, surveyEditionId));
  const timed = rows.map((r) => r.minutes).filter((m): m is number => m !== null);
  const med = timed.length >= MIN_TIMED ? median(timed) : null;

  const openRatings = await db
    .select({
      id: responseRatings.responseId,
      unitId: responseRatings.unitId,
      item: responseRatings.item,
      value: responseRatings.value,
      raw: responseRatings.raw,
    })
    .from(responseRatings)
    .innerJoin(responses, eq(responses.id, responseRatings.responseId))
    .where(and(eq(responses.surveyEditionId, surveyEditionId), eq(responses.openMode, true)));
  const vectors = new Map<string, Map<string, string>>();
  for (const r of openRatings) {
    const v = vectors.get(r.id) ?? new Map<string, string>();
    v.set(`${r.unitId}/${r.item}`, r.value !== null ? String(r.value) : JSON.stringify(r.raw));
    vectors.set(r.id, v);
  }
  const nearDup = new Map<string, number>();
  const ids = [...vectors.keys()];
  for (let i = 0; i < ids.length; i++) {
    const a = vectors.get(ids[i]!)!;
    for (let j = i + 1; j < ids.length; j++) {
      const b = vectors.get(ids[j]!)!;
      let equal = 0;
      for (const [k, v] of a) if (b.get(k) === v) equal++;
      const union = a.size + b.size - equal;
      const share = union === 0 ? 0 : equal / union;
      if (union >= MIN_COMPARED && share >= NEAR_DUPLICATE_SHARE) {
        for (const id of [ids[i]!, ids[j]!]) nearDup.set(id, Math.max(nearDup.get(id) ?? 0, share));
      }
    }
  }

  const summary: QualitySummary = {
    responses: rows.length,
    medianMinutes: med,
    speeder: 0,
    straight_lining: 0,
    near_duplicate: 0,
    flagged: 0,
  };
  const changes: Array<{ id: string; flags: QualityFlag[] }> = [];
  for (const r of rows) {
    const flags: QualityFlag[] = r.flags.filter((f) => f.code === 'straight_lining');
    if (med !== null && r.minutes !== null && r.minutes < SPEEDER_SHARE * med) {
      flags.push({
        code: 'speeder',
        reason: {
          vi: `Hoàn thành trong ${r.minutes} phút, dưới ${SPEEDER_SHARE * 100}% trung vị (${med} phút)`,
          en: `Completed in ${r.minutes} min, under ${SPEEDER_SHARE * 100}% of the median (${med} min)`,
        },
      });
    }
    const share = nearDup.get(r.id);
    if (share !== undefined) {
      const pct = Math.round(share * 100);
      flags.push({
        code: 'near_duplicate',
        reason: {
          vi: `Giống ${pct}% câu trả lời với một phản hồi khác ở chế độ mở (không dùng mã)`,
          en: `${pct}% of answers equal to another open-mode (no code) submission`,
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
