import type { Localized } from '#api/text.js';
import type { Question, SurveyDefinition, UnitItem } from './types.js';
import { questionSites, resolveScale } from './walk.js';

export type CompatibilityCode =
  | 'item_removed'
  | 'type_changed'
  | 'option_codes_changed'
  | 'scale_points_changed'
  | 'scale_reversed'
  | 'dont_know_changed'
  | 'unit_changed'
  | 'block_changed';

export interface CompatibilityIssue {
  /** Item code; per-unit items are prefixed with their unit block: "departments/TR1". */
  item: string;
  code: CompatibilityCode;
  reason: Localized;
}

type Item = Question | UnitItem;

/**
 * Changes from `previous` to `next` that break year-over-year comparison of an item code: removal,
 * a new type, changed option codes, scale points, reversed scale labels, don't-know code, numeric
 * unit, or unit block. New items and changed wording are compatible.
 */
export function checkCompatibility(previous: SurveyDefinition, next: SurveyDefinition): CompatibilityIssue[] {
  const before = items(previous);
  const after = items(next);
  const issues: CompatibilityIssue[] = [];
  const add = (item: string, code: CompatibilityCode, vi: string, en: string): void => {
    issues.push({ item, code, reason: { vi, en } });
  };
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) {
      add(key, 'item_removed', `Câu hỏi ${key} đã bị bỏ.`, `Item ${key} was removed.`);
      continue;
    }
    if (old.type !== now.type) {
      add(
        key,
        'type_changed',
        `Loại câu hỏi đổi từ ${old.type} sang ${now.type}.`,
        `Type changed from ${old.type} to ${now.type}.`,
      );
      continue;
    }
    if (
      (old.type === 'single' || old.type === 'multiple') &&
      (now.type === 'single' || now.type === 'multiple')
    ) {
      const was = old.options.map((o) => String(o.code));
      const is = now.options.map((o) => String(o.code));
      const removed = was.filter((c) => !is.includes(c));
      const added = is.filter((c) => !was.includes(c));
      if (removed.length + added.length > 0) {
        const list =
          `${removed.length ? `-[${removed.join(', ')}]` : ''}${added.length ? ` +[${added.join(', ')}]` : ''}`.trim();
        add(key, 'option_codes_changed', `Mã phương án thay đổi: ${list}.`, `Option codes changed: ${list}.`);
      }
    }
    if (old.type === 'rating' && now.type === 'rating') {
      const a = resolveScale(previous, old.scale);
      const b = resolveScale(next, now.scale);
      if (!a || !b) continue;
      if (a.points !== b.points) {
        add(
          key,
          'scale_points_changed',
          `Thang đo đổi từ ${a.points} sang ${b.points} mức.`,
          `Scale changed from ${a.points} to ${b.points} points.`,
        );
      } else if (
        a.points > 1 &&
        sameLabels(a.labels, [...b.labels].reverse()) &&
        !sameLabels(a.labels, b.labels)
      ) {
        add(
          key,
          'scale_reversed',
          'Thứ tự nhãn của thang đo bị đảo ngược.',
          'The scale labels were reversed.',
        );
      }
      if (a.dontKnow?.code !== b.dontKnow?.code) {
        const show = (c: number | undefined): string => (c === undefined ? '—' : String(c));
        add(
          key,
          'dont_know_changed',
          `Mã "Không biết" đổi từ ${show(a.dontKnow?.code)} sang ${show(b.dontKnow?.code)}.`,
          `Don't-know code changed from ${show(a.dontKnow?.code)} to ${show(b.dontKnow?.code)}.`,
        );
      }
    }
    if (old.type === 'numeric' && now.type === 'numeric' && old.unit !== now.unit) {
      add(
        key,
        'unit_changed',
        `Đơn vị đo đổi từ ${old.unit} sang ${now.unit}.`,
        `Unit changed from ${old.unit} to ${now.unit}.`,
      );
    }
    if (old.type === 'units' && now.type === 'units' && old.block !== now.block) {
      add(
        key,
        'block_changed',
        `Khối đơn vị đổi từ ${old.block} sang ${now.block}.`,
        `Unit block changed from ${old.block} to ${now.block}.`,
      );
    }
  }
  return issues;
}

function items(definition: SurveyDefinition): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const site of questionSites(definition)) {
    if (site.question.type === 'unitRatings') continue;
    const key = site.parent ? `${site.block ?? site.parent.code}/${site.question.code}` : site.question.code;
    if (!out.has(key)) out.set(key, site.question);
  }
  return out;
}

function sameLabels(a: Localized[], b: Localized[]): boolean {
  return (
    a.length === b.length && a.every((l, i) => l.en.trim().toLowerCase() === b[i]?.en.trim().toLowerCase())
  );
}
