import { evaluateCondition } from './conditions/evaluate.js';
import { message } from './messages.js';
import { prepare } from './prepare.js';
import type {
  AnswerValue,
  EditionContext,
  LocatedError,
  SurveyDefinition,
  UnitItem,
  UnitsQuestion,
} from './types.js';
import { pointerSegment } from './walk.js';

type Record_ = Record<string, unknown>;

/**
 * Answer-dependent rules that a JSON Schema cannot express: required and requiredIf on visible
 * items, hidden items (section, question or rating block) must be empty, and per-unit answers
 * exist only for units selected in the block's selector. Don't-know answers satisfy required.
 * Expects the response to have passed the compiled schema's shape (answers is an object).
 */
export function checkResponseRules(
  definition: SurveyDefinition,
  edition: EditionContext,
  response: Record_,
): LocatedError[] {
  const p = prepare(definition);
  const errors: LocatedError[] = [];
  const push = (path: string, code: string, params: Record<string, string> = {}): void => {
    if (!errors.some((e) => e.path === path && e.code === code))
      errors.push({ path, code, message: message(code, params) });
  };
  const answers = asRecord(response.answers) as Record<string, AnswerValue>;
  const units = asRecord(response.units);
  const top = { dontKnow: p.dontKnowTop };

  const item = (
    q: { code: string; required?: boolean; requiredIf?: string; showIf?: string },
    values: Record_,
    path: string,
    visible: boolean,
    context: Parameters<typeof evaluateCondition>[2],
  ): void => {
    const present = isPresent(values[q.code]);
    const shown =
      visible && (q.showIf === undefined || evaluateCondition(p.condition(q.showIf), answers, context));
    if (!shown) {
      if (present) push(path, 'hidden_not_empty');
      return;
    }
    const required =
      q.required === true ||
      (q.requiredIf !== undefined && evaluateCondition(p.condition(q.requiredIf), answers, context));
    if (required && !present) push(path, 'required');
  };

  for (const section of definition.sections) {
    const sectionVisible =
      section.showIf === undefined || evaluateCondition(p.condition(section.showIf), answers, top);
    for (const q of section.questions) {
      if (q.type !== 'unitRatings') {
        item(q, answers, `/answers/${pointerSegment(q.code)}`, sectionVisible, top);
        continue;
      }
      const selector = p.top.get(q.selector) as UnitsQuestion | undefined;
      if (!selector) continue;
      const blockPath = `/units/${pointerSegment(selector.block)}`;
      const rated = asRecord(units[selector.block]);
      const visible =
        sectionVisible && (q.showIf === undefined || evaluateCondition(p.condition(q.showIf), answers, top));
      if (!visible) {
        if (Object.keys(rated).length > 0) push(blockPath, 'hidden_not_empty');
        continue;
      }
      const chosen = answers[selector.code];
      // Unknown unit codes are the schema's error; rating them again would only add noise.
      const known = edition.units[selector.block] ?? [];
      const selected = Array.isArray(chosen)
        ? chosen.filter((c): c is string => known.includes(c as string))
        : [];
      for (const unit of Object.keys(rated)) {
        if (!selected.includes(unit))
          push(`${blockPath}/${pointerSegment(unit)}`, 'unit_not_selected', { unit });
      }
      const dontKnow = p.dontKnowByBlock.get(selector.block) ?? p.dontKnowTop;
      for (const unit of selected) {
        const unitAnswers = asRecord(Object.hasOwn(rated, unit) ? rated[unit] : undefined);
        const context = { unitAnswers: unitAnswers as Record<string, AnswerValue>, dontKnow };
        for (const it of q.items as UnitItem[]) {
          item(
            it,
            unitAnswers,
            `${blockPath}/${pointerSegment(unit)}/${pointerSegment(it.code)}`,
            true,
            context,
          );
        }
      }
    }
  }
  return errors;
}

function asRecord(value: unknown): Record_ {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record_) : {};
}

/** An answer is present unless absent, null, an empty string or an empty selection. */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
