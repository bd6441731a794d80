import type {
  AnswerValue,
  Question,
  SurveyDefinition,
  SurveyResponse,
  UnitItem,
  UnitRatingsQuestion,
} from '#surveys/types.js';
import { unitSelectors } from '#surveys/walk.js';

// The paper/mail import format: one row per form, one column per item code (see README.md).
//   survey_code            the code printed on the letter (required)
//   channel                paper or phone (optional; the request's default otherwise)
//   CODE                   a top-level item; multiple choice as codes separated by ";"
//   R_DEPT.1.UNIT          the unit rated in slot 1 of the per-unit block R_DEPT (its unit code)
//   R_DEPT.1.TR1           item TR1 for that unit
// The unit selector (UNITS_DEPT) is not a column: it is the list of filled UNIT slots, in order.

export const CODE_COLUMN = 'survey_code';
export const CHANNEL_COLUMN = 'channel';
const SLOT_FALLBACK = 3;

interface RatingsLayout {
  question: UnitRatingsQuestion;
  block: string;
  slots: number;
}

function layout(definition: SurveyDefinition) {
  const selectors = unitSelectors(definition);
  const rated = new Set<string>();
  const ratings: RatingsLayout[] = [];
  const top: Question[] = [];
  for (const section of definition.sections) {
    for (const q of section.questions) {
      if (q.type === 'unitRatings') {
        const selector = selectors.get(q.selector);
        if (!selector) continue;
        rated.add(selector.code);
        ratings.push({ question: q, block: selector.block, slots: selector.maxSelections ?? SLOT_FALLBACK });
      } else top.push(q);
    }
  }
  return { top: top.filter((q) => !rated.has(q.code)), ratings, selectors };
}

/** The header of the import template, in form order. */
export function templateHeader(definition: SurveyDefinition): string[] {
  const { top, ratings } = layout(definition);
  const header = [CODE_COLUMN, CHANNEL_COLUMN];
  const topCodes = top.map((q) => q.code);
  // Per-unit blocks sit after the items that precede them in the form; simple and stable: top-level first.
  header.push(...topCodes);
  for (const r of ratings) {
    for (let k = 1; k <= r.slots; k++) {
      header.push(
        `${r.question.code}.${k}.UNIT`,
        ...r.question.items.map((i) => `${r.question.code}.${k}.${i.code}`),
      );
    }
  }
  return header;
}

function cellValue(q: Question | UnitItem, cell: string): AnswerValue {
  const number = (s: string): number | string => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  switch (q.type) {
    case 'rating':
    case 'numeric':
      return number(cell.replace(',', '.'));
    case 'single':
      return q.options.some((o) => typeof o.code === 'number') ? number(cell) : cell;
    case 'multiple': {
      const numeric = q.options.some((o) => typeof o.code === 'number');
      return cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map((s) => (numeric ? number(s) : s));
    }
    case 'units':
      return cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    default:
      return cell;
  }
}

export interface RowResponse {
  response: SurveyResponse;
  /** Maps a response path (/answers/A1, /units/departments/SXD/TR1) to the column it came from. */
  columnOf(path: string): string;
}

/** Turns one row (column → trimmed cell) into a response; unknown columns are reported by the caller. */
export function rowToResponse(definition: SurveyDefinition, row: Map<string, string>): RowResponse {
  const { top, ratings, selectors } = layout(definition);
  const answers: Record<string, AnswerValue> = {};
  const units: Record<string, Record<string, Record<string, AnswerValue>>> = {};
  const columns = new Map<string, string>();
  for (const q of top) {
    const cell = row.get(q.code);
    if (cell !== undefined && cell !== '') answers[q.code] = cellValue(q, cell);
    columns.set(`/answers/${q.code}`, q.code);
  }
  for (const r of ratings) {
    const selector = selectors.get(r.question.selector)!;
    const chosen: string[] = [];
    for (let k = 1; k <= r.slots; k++) {
      const prefix = `${r.question.code}.${k}`;
      const unit = row.get(`${prefix}.UNIT`) ?? '';
      const values: Record<string, AnswerValue> = {};
      for (const item of r.question.items) {
        const cell = row.get(`${prefix}.${item.code}`);
        if (cell !== undefined && cell !== '') values[item.code] = cellValue(item, cell);
        if (unit !== '') columns.set(`/units/${r.block}/${unit}/${item.code}`, `${prefix}.${item.code}`);
      }
      if (unit === '') {
        // Answers without a unit: attribute them to a placeholder the validator will reject by name.
        if (Object.keys(values).length > 0) (units[r.block] ??= {})[`${prefix}.UNIT`] = values;
        columns.set(`/units/${r.block}/${prefix}.UNIT`, `${prefix}.UNIT`);
        continue;
      }
      columns.set(`/units/${r.block}/${unit}`, `${prefix}.UNIT`);
      chosen.push(unit);
      if (Object.keys(values).length > 0) (units[r.block] ??= {})[unit] = values;
    }
    if (chosen.length > 0) answers[selector.code] = chosen;
    columns.set(`/answers/${selector.code}`, `${r.question.code}.1.UNIT`);
  }
  const columnOf = (path: string): string => {
    for (let p = path; p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) {
      const c = columns.get(p);
      if (c) return c;
    }
    return path;
  };
  return { response: Object.keys(units).length > 0 ? { answers, units } : { answers }, columnOf };
}
