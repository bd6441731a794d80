import { configureLocalization } from '@lit/localize';
import type { Lang } from '#api/text.js';
import { sourceLocale, targetLocales } from './locale-codes.js';
import * as vi from './locales/vi.js';

/**
 * Interface text goes through @lit/localize: components write English in `msg()` and the
 * Vietnamese catalogue (client/xliff/vi.xlf, built into ./locales/vi.ts) supplies the rest.
 * Vietnamese is loaded with the bundle, not fetched, because it is the default language.
 */
const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => {
    if (locale === 'vi') return vi;
    throw new Error(`no catalogue for locale ${locale}`);
  },
});

/** Switches every localized element (see `updateWhenLocaleChanges`) to `lang`. */
export const setLang = (lang: Lang): Promise<void> => setLocale(lang);

export const currentLang = (): Lang => (getLocale() === 'vi' ? 'vi' : 'en');
