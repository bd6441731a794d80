import { isPeriod, periodName, type EditionPeriod } from '#api/periods.js';
import type { Localized } from '#api/text.js';

/**
 * A release title with the edition's own year: "DDCI Tỉnh Demo 2024 (dữ liệu minh họa, …)". A year
 * already at the end of the name is replaced; a trailing note in parentheses stays last. A monthly or
 * quarterly edition (YYYYMM) is named by its period: "… tháng 3/2026", "… March 2026", "… Q1 2026".
 */
export function editionTitle(name: Localized, year: number, period: EditionPeriod = 'month'): Localized {
  const label = isPeriod(year) ? periodName(year, period) : { vi: String(year), en: String(year) };
  const one = (text: string, edition: string) => {
    const m = /^(.*?)(\s*\([^()]*\s[^()]*\))?$/.exec(text.trim())!;
    const head = m[1]!.replace(/\s+\d{4}$/, '');
    return `${head} ${edition}${m[2] ?? ''}`;
  };
  return { vi: one(name.vi, label.vi), en: one(name.en, label.en) };
}
