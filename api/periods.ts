// Edition numbers. A yearly family's edition is its year (2023). A service family publishes by month
// or by quarter; its edition number is the period YYYYMM (202603), a quarter being named by its last
// month (202603 = Q1 2026). One integer keeps every edition of every family ordered the same way, so
// releases, changes and trends need no second key.

import type { Lang, Localized } from './text.js';

/** How often a family publishes. */
export type EditionPeriod = 'year' | 'month' | 'quarter';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;

/** True for a period number YYYYMM (2000-01 … 2100-12), false for a year or anything else. */
export function isPeriod(n: number): boolean {
  return Number.isInteger(n) && n >= 200001 && n <= 210012 && n % 100 >= 1 && n % 100 <= 12;
}

/** The period number of `2026-03` (a month) or `2026-Q1` (a quarter: its last month); null otherwise. */
export function periodOf(text: string): number | null {
  const m = MONTH.exec(text.trim());
  if (m) return Number(m[1]) * 100 + Number(m[2]);
  const q = QUARTER.exec(text.trim());
  if (q) return Number(q[1]) * 100 + Number(q[2]) * 3;
  return null;
}

/** The year an edition number belongs to. */
export function editionYear(n: number): number {
  return isPeriod(n) ? Math.floor(n / 100) : n;
}

/** `2026-03` for a period number (the path and CSV form); the year as text otherwise. */
export function periodKey(n: number): string {
  return isPeriod(n) ? `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}` : String(n);
}

/** The months [first, last] a period covers: one month, or the three months of a quarter. */
export function periodMonths(n: number, period: EditionPeriod): [number, number] {
  if (!isPeriod(n)) return [n * 100 + 1, n * 100 + 12];
  return period === 'quarter' ? [n - 2, n] : [n, n];
}

/** First and last calendar day of a period, as ISO dates. */
export function periodDates(n: number, period: EditionPeriod): { from: string; to: string } {
  const [first, last] = periodMonths(n, period);
  const y = Math.floor(last / 100);
  const m = last % 100;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${periodKey(first)}-01`, to: `${periodKey(last)}-${String(days).padStart(2, '0')}` };
}

/** The next period of the same length. */
export function nextPeriod(n: number, period: EditionPeriod): number {
  const step = period === 'quarter' ? 3 : 1;
  const months = Math.floor(n / 100) * 12 + (n % 100) - 1 + step;
  return Math.floor(months / 12) * 100 + (months % 12) + 1;
}

/** "tháng 3/2026" / "March 2026", "quý 1/2026" / "Q1 2026"; a year as itself. */
export function periodLabel(n: number, lang: Lang, period: EditionPeriod = 'month'): string {
  if (!isPeriod(n)) return String(n);
  const y = Math.floor(n / 100);
  const m = n % 100;
  if (period === 'quarter')
    return lang === 'vi' ? `quý ${Math.ceil(m / 3)}/${y}` : `Q${Math.ceil(m / 3)} ${y}`;
  if (lang === 'vi') return `tháng ${m}/${y}`;
  return `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`;
}

/** Both languages of periodLabel. */
export function periodName(n: number, period: EditionPeriod = 'month'): Localized {
  return { vi: periodLabel(n, 'vi', period), en: periodLabel(n, 'en', period) };
}
