import { currentLang } from '#client/src/shared/localize.js';

const locale = () => (currentLang() === 'vi' ? 'vi-VN' : 'en-GB');

/** A date or instant in the page's locale (Vietnam time). */
export function formatDate(iso: string, withTime = false): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(d);
}
