import type { Localized } from '#api/text.js';

/**
 * A release title with the edition's own year: "DDCI Tỉnh Demo 2024 (dữ liệu minh họa, …)". A year
 * already at the end of the name is replaced; a trailing note in parentheses stays last.
 */
export function editionTitle(name: Localized, year: number): Localized {
  const one = (text: string) => {
    const m = /^(.*?)(\s*\([^()]*\s[^()]*\))?$/.exec(text.trim())!;
    const head = m[1]!.replace(/\s+\d{4}$/, '');
    return `${head} ${year}${m[2] ?? ''}`;
  };
  return { vi: one(name.vi), en: one(name.en) };
}
