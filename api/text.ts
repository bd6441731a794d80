/** The interface languages. Vietnamese is the default everywhere. */
export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A user-facing text in both languages: the one bilingual type of the whole code base. */
export interface Localized {
  vi: string;
  en: string;
}
