import type {
  Question,
  RatingScale,
  Section,
  SurveyDefinition,
  UnitItem,
  UnitRatingsQuestion,
  UnitsQuestion,
} from './types.js';

/** One question or per-unit item, with where it sits in the definition. */
export interface QuestionSite {
  question: Question | UnitItem;
  /** JSON pointer into the definition, e.g. /sections/2/questions/1/items/3. */
  path: string;
  section: Section;
  sectionPath: string;
  /** The per-unit rating block holding this item, if any. */
  parent?: UnitRatingsQuestion;
  parentPath?: string;
  /** Unit block key of the parent's selector, when it resolves. */
  block?: string;
}

/** Every question and per-unit item in definition order. Rating blocks come before their items. */
export function questionSites(definition: SurveyDefinition): QuestionSite[] {
  const out: QuestionSite[] = [];
  const selectors = unitSelectors(definition);
  definition.sections.forEach((section, s) => {
    const sectionPath = `/sections/${s}`;
    section.questions.forEach((question, q) => {
      const path = `${sectionPath}/questions/${q}`;
      out.push({ question, path, section, sectionPath });
      if (question.type !== 'unitRatings') return;
      const block = selectors.get(question.selector)?.block;
      question.items.forEach((item, i) => {
        out.push({
          question: item,
          path: `${path}/items/${i}`,
          section,
          sectionPath,
          parent: question,
          parentPath: path,
          ...(block === undefined ? {} : { block }),
        });
      });
    });
  });
  return out;
}

/** Top-level `units` questions by code. */
export function unitSelectors(definition: SurveyDefinition): Map<string, UnitsQuestion> {
  const out = new Map<string, UnitsQuestion>();
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (question.type === 'units' && !out.has(question.code)) out.set(question.code, question);
    }
  }
  return out;
}

/** The scale of a rating item, resolving a named scale; undefined when the name is unknown. */
export function resolveScale(
  definition: SurveyDefinition,
  scale: string | RatingScale,
): RatingScale | undefined {
  if (typeof scale !== 'string') return scale;
  const scales = definition.scales ?? {};
  return Object.hasOwn(scales, scale) ? scales[scale] : undefined;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}
