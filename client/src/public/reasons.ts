import { msg } from '@lit/localize';

/** Why a score is missing, in words (scoring's MissingReason codes, plus `not-rated`). */
export function reasonText(reason: string | null): string {
  switch (reason) {
    case 'unit-suppressed':
      return msg('Not published: too few responses for this unit', { id: 'public.reason.unit-suppressed' });
    case 'indicator-suppressed':
      return msg('Not published: too few answers', { id: 'public.reason.indicator-suppressed' });
    case 'coverage':
      return msg('Not enough data to compute a score', { id: 'public.reason.coverage' });
    case 'screened':
      return msg('Left out of the ranking for missing data', { id: 'public.reason.screened' });
    case 'not-rated':
      return msg('Not rated in this edition', { id: 'public.reason.not-rated' });
    case 'invalid':
    case 'undefined':
      return msg('No valid value', { id: 'public.reason.invalid' });
    default:
      return msg('No data', { id: 'public.reason.missing' });
  }
}
