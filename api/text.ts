/** The interface languages. Vietnamese is the default everywhere. */
export type Lang = 'vi' | 'en';

/** @public The languages, in display order (for clients building a language switch). */
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A user-facing text in both languages: the one bilingual type of the whole code base. */
export interface Localized {
  vi: string;
  en: string;
}

/** Fills `{name}` placeholders in both languages from `params`; unknown placeholders stay as written. */
export function fillText(template: Localized, params: Record<string, string | number> = {}): Localized {
  const fill = (s: string): string =>
    s.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  return { vi: fill(template.vi), en: fill(template.en) };
}
