import type { Request } from 'express';
import type { Lang } from '#api/text.js';

/** The caller's language: `?lang=` first, then Accept-Language; Vietnamese by default. */
export function requestLang(req: Request): Lang {
  const q = req.query.lang;
  if (q === 'en' || q === 'vi') return q;
  const header = req.get('accept-language') ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
