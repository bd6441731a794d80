// Types for survey definitions. surveys/schema/definition.schema.json is the source of truth;
// test/surveys/types.test.ts fails when a property here and in the schema drift apart.

import type { Localized } from '#api/text.js';

/** Option codes are small integers or short identifiers (`^[A-Za-z0-9_]{1,32}$`). */
export type OptionCode = number | string;

export interface ChoiceOption {
  code: OptionCode;
  label: Localized;
  /** Multiple choice only: a "none of the above" option that cannot be combined with others. */
  exclusive?: boolean;
}

export interface DontKnow {
  code: number;
  label: Localized;
}

/** Answer values are 1..points; labels[i] names value i + 1. */
export interface RatingScale {
  points: number;
  labels: Localized[];
  dontKnow?: DontKnow;
}

export type ProfileRole = 'size' | 'sector' | 'ownership' | 'yearFounded' | 'location';

export type NumericUnit = 'days' | 'hours' | 'percent' | 'count' | 'vnd' | 'year';

export interface SingleChoiceQuestion {
  type: 'single';
  code: string;
  text: Localized;
  help?: Localized;
  component?: string;
  required?: boolean;
  showIf?: string;
  requiredIf?: string;
  profileRole?: ProfileRole;
  options: ChoiceOption[];
}

export interface MultipleChoiceQuestion {
  type: 'multiple';
  code: string;
  text: Localized;
  help?: Localized;
  component?: string;
  required?: boolean;
  showIf?: string;
  requiredIf?: string;
  options: ChoiceOption[];
  minSelections?: number;
  maxSelections?: number;
}

export interface RatingQuestion {
  type: 'rating';
  code: string;
  text: Localized;
  help?: Localized;
  component?: string;
  required?: boolean;
  showIf?: string;
  requiredIf?: string;
  /** A key of SurveyDefinition.scales, or an inline scale. */
  scale: string | RatingScale;
}

export interface NumericQuestion {
  type: 'numeric';
  code: string;
  text: Localized;
  help?: Localized;
  component?: string;
  required?: boolean;
  showIf?: string;
  requiredIf?: string;
  profileRole?: ProfileRole;
  unit: NumericUnit;
  minimum?: number;
  maximum?: number;
  integer?: boolean;
}

export interface TextQuestion {
  type: 'text';
  code: string;
  text: Localized;
  help?: Localized;
  component?: string;
  required?: boolean;
  showIf?: string;
  requiredIf?: string;
  multiline?: boolean;
  maxLength: number;
}

export interface DateQuestion {
  type: 'date';
  code: string;
  text: Localized;
  help?: Localized;
  component?: string;
  required?: boolean;
  showIf?: string;
  requiredIf?: string;
  /** ISO dates, YYYY-MM-DD, inclusive. */
  minimum?: string;
  maximum?: string;
}

/** "Units dealt with in the last 12 months": the unit list comes from the edition at run time. */
export interface UnitsQuestion {
  type: 'units';
  code: string;
  text: Localized;
  help?: Localized;
  required?: boolean;
  showIf?: string;
  requiredIf?: string;
  block: string;
  minSelections?: number;
  maxSelections?: number;
}

/** Items asked once per unit selected in `selector`. */
export interface UnitRatingsQuestion {
  type: 'unitRatings';
  code: string;
  text: Localized;
  help?: Localized;
  showIf?: string;
  selector: string;
  items: UnitItem[];
}

export type UnitItem = SingleChoiceQuestion | MultipleChoiceQuestion | RatingQuestion | NumericQuestion;

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | RatingQuestion
  | NumericQuestion
  | TextQuestion
  | DateQuestion
  | UnitsQuestion
  | UnitRatingsQuestion;

export type QuestionType = Question['type'];

export interface Section {
  id: string;
  title: Localized;
  description?: Localized;
  showIf?: string;
  questions: Question[];
}

export interface UnitBlock {
  key: string;
  label: Localized;
  description?: Localized;
}

export interface SurveyDefinition {
  $schema?: string;
  schemaVersion: 1;
  id: string;
  edition: number;
  title: Localized;
  intro: Localized;
  blocks: UnitBlock[];
  scales?: Record<string, RatingScale>;
  sections: Section[];
}

/** Units of the edition, per block key; supplied by the server at run time. */
export interface EditionContext {
  units: Record<string, readonly string[]>;
}

/** A value stored for one item. Multiple choice and unit selectors hold arrays. */
export type AnswerValue = number | string | ReadonlyArray<number | string>;

export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/**
 * A submission: top-level answers by item code, and per-unit answers by block key, unit code
 * and item code (see surveys/README.md).
 */
export interface SurveyResponse {
  answers: Record<string, AnswerValue>;
  units?: Record<string, Record<string, Record<string, AnswerValue>>>;
}

/** An error located by JSON pointer, with a stable code and bilingual message. */
export interface LocatedError {
  path: string;
  code: string;
  message: Localized;
}
