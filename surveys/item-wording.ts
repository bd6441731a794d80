import type { Localized } from '#api/text.js';
import type { OptionCode, SurveyDefinition } from './types.js';
import { questionSites, resolveScale } from './walk.js';

/** How an indicator's survey item reads: the question, and the answers the indicator counts. */
export interface ItemWording {
  /** The item's text, with its "{unit}" placeholder kept. */
  question: Localized;
  /** Labels of the counted answers (rating points or choice options), when the indicator counts some. */
  categories: Localized[] | null;
}

/**
 * The wording of survey item `item` in `definition`, and the labels of the answer `categories` an
 * indicator counts (e.g. points [4, 5] of a five-point ease scale → "Easy", "Very easy"); null when
 * the definition has no question with that code. Pure: the release builder records it so the public
 * methodology page can quote the question without reading the definition.
 */
export function itemWording(
  definition: SurveyDefinition,
  item: string,
  categories?: readonly OptionCode[],
): ItemWording | null {
  const site = questionSites(definition).find((s) => s.question.code === item);
  if (!site) return null;
  const q = site.question;
  const text = { vi: q.text.vi, en: q.text.en };
  if (!categories?.length) return { question: text, categories: null };
  let labels: Array<Localized | undefined> = [];
  if (q.type === 'rating') {
    const scale = resolveScale(definition, q.scale);
    labels = categories.map((c) => (typeof c === 'number' ? scale?.labels[c - 1] : undefined));
  } else if (q.type === 'single' || q.type === 'multiple') {
    labels = categories.map((c) => q.options.find((o) => o.code === c)?.label);
  }
  const found = labels.filter((l): l is Localized => l !== undefined).map((l) => ({ vi: l.vi, en: l.en }));
  return { question: text, categories: found.length === categories.length ? found : null };
}
