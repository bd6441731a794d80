import type { SurveyEditionPayload } from '#api/collection.js';
import type { ReleaseDocument } from '#api/releases.js';
import type { Lang, Localized } from '#api/text.js';
import { itemWording } from '#surveys/item-wording.js';
import type { OptionCode, SurveyDefinition } from '#surveys/types.js';
import { getJson } from '#client/src/shared/api.js';

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

/**
 * The survey definition a release names, when the release itself carries no wording: the survey
 * edition at its default address (`family-year`), accepted only if its content hash is the release's
 * `survey.definitionHash`. Null when there is none, it differs, or the server cannot say (static export).
 */
export async function releaseDefinition(d: ReleaseDocument, lang: Lang, signal?: AbortSignal) {
  if (!d.survey) return null;
  const slug = `${d.family.code}-${d.survey.edition}`;
  try {
    const p = await getJson<SurveyEditionPayload>(
      `/api/v1/surveys/${encodeURIComponent(slug)}`,
      lang,
      signal,
    );
    return p.edition.contentHash === d.survey.definitionHash ? (p.definition as SurveyDefinition) : null;
  } catch {
    return null;
  }
}

/** The wording of an indicator: as the release states it, else from the verified definition. */
export function wordingOf(
  words: Map<string, Wording>,
  definition: SurveyDefinition | null,
  code: string,
  source: { item: string; categories?: readonly OptionCode[] },
): Wording {
  const own = words.get(code);
  if (own?.question) return own;
  const w = definition ? itemWording(definition, source.item, source.categories) : null;
  return { item: own?.item ?? source.item, question: w?.question ?? null, categories: w?.categories ?? null };
}
