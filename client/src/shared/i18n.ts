import type { Lang } from '#api/text.js';

export type { Lang };

/**
 * Numbers and dates follow the locale (`vi-VN`, `en-GB`). Interface text is not here: it goes
 * through `msg()` from @lit/localize (see ./localize.ts).
 */
const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

// Constructing an Intl.NumberFormat costs far more than formatting: a 63-row table formats about
// a thousand numbers per render, so formatters are made once per language and precision.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Numbers follow the locale: 62,53 in Vietnamese, 62.53 in English. */
export function formatNumber(lang: Lang, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatter(lang, digits).format(value);
}

/** A signed change: +1,25 / −0,50 (a true minus sign), or "—" when missing. */
export function formatSigned(lang: Lang, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = formatNumber(lang, Math.abs(value), digits);
  if (Number(text.replace(/[^\d]/g, '')) === 0) return formatNumber(lang, 0, digits);
  return `${value > 0 ? '+' : '−'}${text}`;
}

export const formatInteger = (lang: Lang, value: number): string => formatter(lang, 0).format(value);

const percents = new Map<Lang, Intl.NumberFormat>();

/** A share as a percentage (the what-if panel and the table headers format about thirty per render). */
export function formatPercent(lang: Lang, share: number): string {
  let f = percents.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 });
    percents.set(lang, f);
  }
  return f.format(share);
}

export const formatDate = (lang: Lang, iso: string): string =>
  new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long' }).format(new Date(iso));
