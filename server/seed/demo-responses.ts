import type { Random } from '#scoring/random.js';
import { evaluateCondition } from '#surveys/conditions/evaluate.js';
import { prepare } from '#surveys/prepare.js';
import type { AnswerValue, Question, SurveyDefinition, SurveyResponse, UnitItem } from '#surveys/types.js';
import { resolveScale } from '#surveys/walk.js';

// Synthetic answers for the demo province. Generic over the definition: every visible item is
// answered, hidden ones are left empty, so the result passes validateResponse. Ratings follow a
// latent quality per unit and item plus a firm bias and noise; a few respondents straight-line.

/** Items where a higher answer means worse performance (see surveys/README.md). */
const NEGATIVE = new Set(['TR2', 'IC1', 'IC2', 'FC1', 'FC2']);
/** Yes/no items where "yes" (1) is bad news for the unit. */
const BAD_YES = new Set(['TC6', 'TC7']);

export interface SyntheticFirm {
  /** Option codes of the profile items, by profile role. */
  profile: Partial<Record<'size' | 'sector' | 'ownership' | 'location', number>>;
  /** Leniency of this respondent, on the latent scale. */
  bias: number;
  /** Gives the same answer to every rating (a quality flag to find). */
  straightLiner: boolean;
}

export interface SyntheticContext {
  definition: SurveyDefinition;
  /** Unit codes per block with a popularity weight (how many firms deal with the unit). */
  units: Record<string, Array<{ code: string; weight: number }>>;
  /** Latent quality of a unit on one item (its level, the item's aspect, the item itself). */
  quality: (block: string, unit: string, item: string) => number;
}

const COMMENTS = [
  { vi: 'Đề nghị rút ngắn thời gian giải quyết thủ tục.', en: 'Please shorten processing times.' },
  { vi: 'Công khai đầy đủ phí và lệ phí trên cổng thông tin.', en: 'Publish all fees online.' },
  { vi: 'Tăng cường đối thoại với doanh nghiệp.', en: 'Hold more dialogues with businesses.' },
];

function pickWeighted<T>(rng: Random, items: Array<{ value: T; weight: number }>): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let r = rng.uniform(0, total);
  for (const i of items) if ((r -= i.weight) < 0) return i.value;
  return items[items.length - 1]!.value;
}

function chooseUnits(rng: Random, list: Array<{ code: string; weight: number }>, k: number): string[] {
  const pool = [...list];
  const out: string[] = [];
  while (out.length < k && pool.length > 0) {
    const code = pickWeighted(
      rng,
      pool.map((u) => ({ value: u.code, weight: u.weight })),
    );
    out.push(code);
    pool.splice(
      pool.findIndex((u) => u.code === code),
      1,
    );
  }
  return out;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function itemValue(
  ctx: SyntheticContext,
  rng: Random,
  firm: SyntheticFirm,
  q: UnitItem,
  latent: number,
  straight: number,
): AnswerValue | undefined {
  const z = latent + firm.bias + rng.normal(0, 0.8);
  switch (q.type) {
    case 'rating': {
      const scale = resolveScale(ctx.definition, q.scale)!;
      if (scale.dontKnow && rng.uniform() < 0.04) return scale.dontKnow.code;
      if (firm.straightLiner) return Math.min(straight, scale.points);
      const mid = (scale.points + 1) / 2;
      const v = Math.min(scale.points, Math.max(1, Math.round(mid + (z * (scale.points - 1)) / 3)));
      return NEGATIVE.has(q.code) ? scale.points + 1 - v : v;
    }
    case 'single': {
      const codes = q.options.map((o) => o.code);
      if (codes.length === 2 && codes.includes(1) && codes.includes(2)) {
        const yes = sigmoid(BAD_YES.has(q.code) ? -z - 1 : z * 0.8);
        return rng.uniform() < yes ? 1 : 2;
      }
      return codes[rng.int(0, codes.length)]!;
    }
    case 'multiple': {
      const exclusive = q.options.find((o) => o.exclusive);
      if (exclusive && rng.uniform() < 0.4 + 0.3 * sigmoid(z)) return [exclusive.code];
      const normal = q.options.filter((o) => !o.exclusive);
      return [normal[rng.int(0, normal.length)]!.code];
    }
    case 'numeric': {
      const min = q.minimum ?? 0;
      const max = Math.min(q.maximum ?? 100, min + 60);
      const v =
        q.unit === 'days'
          ? Math.round(Math.exp(rng.normal(1.6 - 0.4 * z, 0.5)))
          : Math.round(Math.abs(rng.normal(0, 1.5)));
      return Math.min(max, Math.max(min, v));
    }
  }
}

function topValue(
  ctx: SyntheticContext,
  rng: Random,
  firm: SyntheticFirm,
  q: Exclude<Question, { type: 'unitRatings' }>,
): AnswerValue | undefined {
  if (q.type === 'single') {
    if (q.code === 'CONSENT') return 1;
    if (q.code === 'BLOCK')
      return pickWeighted(rng, [
        { value: 1, weight: 45 },
        { value: 2, weight: 35 },
        { value: 3, weight: 20 },
      ]);
    const role = q.profileRole;
    if (role && role !== 'yearFounded' && firm.profile[role] !== undefined) return firm.profile[role];
    return q.options[rng.int(0, q.options.length)]!.code;
  }
  if (q.type === 'units') {
    const list = ctx.units[q.block] ?? [];
    const min = Math.max(1, q.minSelections ?? 1);
    const max = Math.min(list.length, q.maxSelections ?? 3);
    const k = Math.min(max, min + (rng.uniform() < 0.35 ? rng.int(1, Math.max(2, max - min + 1)) : 0));
    return chooseUnits(rng, list, k);
  }
  if (q.type === 'numeric') {
    const min = q.minimum ?? 0;
    const max = q.maximum ?? min + 100;
    return q.unit === 'year'
      ? rng.int(Math.max(min, max - 30), max + 1)
      : rng.int(min, Math.min(max, min + 50) + 1);
  }
  if (q.type === 'text')
    return rng.uniform() < 0.12 ? COMMENTS[rng.int(0, COMMENTS.length)]!.vi.slice(0, q.maxLength) : undefined;
  if (q.type === 'multiple') return [q.options.find((o) => !o.exclusive)!.code];
  if (q.type === 'rating') {
    const scale = resolveScale(ctx.definition, q.scale)!;
    return rng.int(1, scale.points + 1);
  }
  return q.required ? q.minimum : undefined;
}

/** One synthetic response for `firm`, valid against the definition and the edition's units. */
export function synthesizeResponse(ctx: SyntheticContext, rng: Random, firm: SyntheticFirm): SurveyResponse {
  const p = prepare(ctx.definition);
  const answers: Record<string, AnswerValue> = {};
  const units: Record<string, Record<string, Record<string, AnswerValue>>> = {};
  const straight = rng.int(3, 5);
  for (const section of ctx.definition.sections) {
    if (
      section.showIf &&
      !evaluateCondition(p.condition(section.showIf), answers, { dontKnow: p.dontKnowTop })
    )
      continue;
    for (const q of section.questions) {
      if (q.showIf && !evaluateCondition(p.condition(q.showIf), answers, { dontKnow: p.dontKnowTop }))
        continue;
      if (q.type !== 'unitRatings') {
        const v = topValue(ctx, rng, firm, q);
        if (v !== undefined) answers[q.code] = v;
        continue;
      }
      const selector = p.top.get(q.selector);
      if (!selector || selector.type !== 'units') continue;
      const chosen = (answers[selector.code] as string[] | undefined) ?? [];
      const dontKnow = p.dontKnowByBlock.get(selector.block);
      for (const unit of chosen) {
        // Several per-unit questions may rate the same selection: their items share the unit's answers.
        const values: Record<string, AnswerValue> = ((units[selector.block] ??= {})[unit] ??= {});
        for (const item of q.items) {
          if (
            item.showIf &&
            !evaluateCondition(p.condition(item.showIf), answers, {
              unitAnswers: values,
              ...(dontKnow ? { dontKnow } : {}),
            })
          )
            continue;
          const v = itemValue(ctx, rng, firm, item, ctx.quality(selector.block, unit, item.code), straight);
          if (v !== undefined) values[item.code] = v;
        }
      }
    }
  }
  return Object.keys(units).length > 0 ? { answers, units } : { answers };
}
