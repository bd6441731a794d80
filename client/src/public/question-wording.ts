import type { ReleaseDocument } from '#api/releases.js';
import type { Localized } from '#api/text.js';

/** The survey question behind an indicator, as the release states it. */
export interface Wording {
  item: string;
  /** The item's text in the survey definition the release names (`survey.definitionHash`). */
  question: Localized | null;
  /** The answer options the indicator counts (e.g. "Easy", "Very easy"), where given. */
  categories: Localized[] | null;
}

// Optional fields of ReleaseIndicator that releases published before they existed lack.
interface WordedIndicator {
  code: string;
  item: string | null;
  question?: Localized | null;
  categories?: Localized[] | null;
}

/** Indicator code → the wording of its survey question, from every block of the release; pure. */
export function questionsOf(d: ReleaseDocument): Map<string, Wording> {
  const out = new Map<string, Wording>();
  for (const b of d.blocks)
    for (const i of (b.indicators ?? []) as WordedIndicator[])
      if (i.item && !out.has(i.code))
        out.set(i.code, { item: i.item, question: i.question ?? null, categories: i.categories ?? null });
  return out;
}

/** A question as read on its own: the definition's "{unit}" placeholder becomes `unit` in brackets. */
export const questionText = (text: string, unit: string): string => text.replaceAll('{unit}', `[${unit}]`);
