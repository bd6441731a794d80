// The answering flow as pure functions of (definition, edition units, response): which pages exist
// after skip logic, which questions each shows, hidden answers to clear, and progress. Visibility
// follows surveys/rules.ts (the server's rules) with the same condition evaluator.
import { evaluateCondition } from '#surveys/conditions/evaluate.js';
import { prepare } from '#surveys/prepare.js';
import type {
  AnswerValue,
  EditionContext,
  Question,
  Section,
  SurveyDefinition,
  SurveyResponse,
  UnitItem,
  UnitRatingsQuestion,
  UnitsQuestion,
} from '#surveys/types.js';

export type Page =
  | { kind: 'section'; key: string; section: Section }
  | {
      kind: 'unit';
      key: string;
      section: Section;
      question: UnitRatingsQuestion;
      block: string;
      unit: string;
    };

/** A question shown on a page, with the JSON pointer the validator uses for it. */
export interface Field {
  question: Question | UnitItem;
  path: string;
  /** Set for per-unit items. */
  block?: string;
  unit?: string;
}

type Units = NonNullable<SurveyResponse['units']>;

const present = (v: unknown): boolean =>
  v !== undefined &&
  v !== null &&
  !(typeof v === 'string' && v.trim() === '') &&
  !(Array.isArray(v) && v.length === 0);

function sectionVisible(definition: SurveyDefinition, section: Section, response: SurveyResponse): boolean {
  const p = prepare(definition);
  return (
    section.showIf === undefined ||
    evaluateCondition(p.condition(section.showIf), response.answers, { dontKnow: p.dontKnowTop })
  );
}

function topVisible(definition: SurveyDefinition, q: Question, response: SurveyResponse): boolean {
  const p = prepare(definition);
  return (
    q.showIf === undefined ||
    evaluateCondition(p.condition(q.showIf), response.answers, { dontKnow: p.dontKnowTop })
  );
}

function itemVisible(
  definition: SurveyDefinition,
  block: string,
  item: UnitItem,
  response: SurveyResponse,
  unit: string,
): boolean {
  if (item.showIf === undefined) return true;
  const p = prepare(definition);
  const unitAnswers = response.units?.[block]?.[unit] ?? {};
  const dontKnow = p.dontKnowByBlock.get(block) ?? p.dontKnowTop;
  return evaluateCondition(p.condition(item.showIf), response.answers, { unitAnswers, dontKnow });
}

/** The selector's chosen units that exist in the edition, in the edition's order. */
export function selectedUnits(
  selector: UnitsQuestion,
  context: EditionContext,
  response: SurveyResponse,
): string[] {
  const chosen = response.answers[selector.code];
  const list = context.units[selector.block] ?? [];
  return Array.isArray(chosen) ? list.filter((u) => chosen.includes(u)) : [];
}

function ratingBlock(definition: SurveyDefinition, q: UnitRatingsQuestion): UnitsQuestion | undefined {
  return prepare(definition).top.get(q.selector) as UnitsQuestion | undefined;
}

/** Pages in order: one per visible section, and one per selected unit for each visible rating block. */
export function pages(
  definition: SurveyDefinition,
  context: EditionContext,
  response: SurveyResponse,
): Page[] {
  const out: Page[] = [];
  for (const section of definition.sections) {
    if (!sectionVisible(definition, section, response)) continue;
    const plain = section.questions.filter((q) => q.type !== 'unitRatings');
    if (plain.length > 0 || section.questions.length === 0)
      out.push({ kind: 'section', key: section.id, section });
    for (const q of section.questions) {
      if (q.type !== 'unitRatings' || !topVisible(definition, q, response)) continue;
      const selector = ratingBlock(definition, q);
      if (!selector) continue;
      for (const unit of selectedUnits(selector, context, response))
        out.push({
          kind: 'unit',
          key: `${section.id}.${q.code}.${unit}`,
          section,
          question: q,
          block: selector.block,
          unit,
        });
    }
  }
  return out;
}

const seg = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The visible questions of a page, with their validator paths. */
export function fields(definition: SurveyDefinition, page: Page, response: SurveyResponse): Field[] {
  if (page.kind === 'unit') {
    return page.question.items
      .filter((it) => itemVisible(definition, page.block, it, response, page.unit))
      .map((it) => ({
        question: it,
        path: `/units/${seg(page.block)}/${seg(page.unit)}/${seg(it.code)}`,
        block: page.block,
        unit: page.unit,
      }));
  }
  return page.section.questions
    .filter((q) => q.type !== 'unitRatings' && topVisible(definition, q, response))
    .map((q) => ({ question: q, path: `/answers/${seg(q.code)}` }));
}

/** Reads the answer a field holds. */
export function valueAt(response: SurveyResponse, field: Field): AnswerValue | undefined {
  if (field.block === undefined) return response.answers[field.question.code];
  return response.units?.[field.block]?.[field.unit!]?.[field.question.code];
}

/** A copy of the response with one answer set, or removed when `value` is empty. */
export function withAnswer(
  response: SurveyResponse,
  field: Field,
  value: AnswerValue | undefined,
): SurveyResponse {
  const code = field.question.code;
  if (field.block === undefined) {
    const answers = { ...response.answers };
    if (present(value)) answers[code] = value!;
    else delete answers[code];
    return { ...response, answers };
  }
  const units: Units = structuredClone(response.units ?? {});
  const unitAnswers = ((units[field.block] ??= {})[field.unit!] ??= {});
  if (present(value)) unitAnswers[code] = value!;
  else delete unitAnswers[code];
  return { ...response, units };
}

/**
 * Removes every answer the rules say must be empty: hidden sections and questions, per-unit answers
 * of units no longer selected, hidden per-unit items. Repeats until nothing changes, because
 * clearing one answer can hide another question.
 */
export function pruneHidden(
  definition: SurveyDefinition,
  context: EditionContext,
  response: SurveyResponse,
): SurveyResponse {
  let current = response;
  for (let round = 0; round < 20; round++) {
    const next = pruneOnce(definition, context, current);
    if (JSON.stringify(next) === JSON.stringify(current)) return next;
    current = next;
  }
  return current;
}

function pruneOnce(
  definition: SurveyDefinition,
  context: EditionContext,
  response: SurveyResponse,
): SurveyResponse {
  const answers: Record<string, AnswerValue> = {};
  const units: Units = {};
  for (const section of definition.sections) {
    const shown = sectionVisible(definition, section, response);
    for (const q of section.questions) {
      const visible = shown && topVisible(definition, q, response);
      if (q.type !== 'unitRatings') {
        const v = response.answers[q.code];
        if (visible && present(v)) answers[q.code] = v!;
        continue;
      }
      const selector = ratingBlock(definition, q);
      if (!visible || !selector) continue;
      for (const unit of selectedUnits(selector, context, response)) {
        const given = response.units?.[selector.block]?.[unit] ?? {};
        const kept: Record<string, AnswerValue> = {};
        for (const it of q.items)
          if (present(given[it.code]) && itemVisible(definition, selector.block, it, response, unit))
            kept[it.code] = given[it.code]!;
        // Two rating blocks may ask about the same unit (a visit's factors, then its outcome): merge.
        if (Object.keys(kept).length > 0) {
          const byUnit = (units[selector.block] ??= {});
          byUnit[unit] = { ...byUnit[unit], ...kept };
        }
      }
    }
  }
  return Object.keys(units).length > 0 ? { answers, units } : { answers };
}

/** Answered and applicable questions over all pages after skip logic (what the progress bar counts). */
export function progress(
  definition: SurveyDefinition,
  context: EditionContext,
  response: SurveyResponse,
): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const page of pages(definition, context, response)) {
    for (const f of fields(definition, page, response)) {
      total++;
      if (present(valueAt(response, f))) answered++;
    }
  }
  return { answered, total };
}

/** `{unit}` in per-unit text becomes the unit's name. */
export const fillUnit = (text: string, unitName: string | undefined): string =>
  unitName === undefined ? text : text.replaceAll('{unit}', unitName);

/**
 * The response without the answers at `paths` (validator paths of single items). The server draft
 * refuses a mistyped value (e.g. text in a number field); the rest of the answers still save, and
 * the mistyped one stays on this device until it is corrected.
 */
export function withoutPaths(response: SurveyResponse, paths: readonly string[]): SurveyResponse {
  if (paths.length === 0) return response;
  const out: SurveyResponse = structuredClone(response);
  for (const path of paths) {
    const [root, ...rest] = path
      .split('/')
      .slice(1)
      .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (root === 'answers' && rest.length === 1) delete out.answers[rest[0]!];
    if (root === 'units' && rest.length === 3) delete out.units?.[rest[0]!]?.[rest[1]!]?.[rest[2]!];
  }
  return out;
}
