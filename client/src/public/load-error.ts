import { msg } from '@lit/localize';
import { ApiRequestError } from '#client/src/shared/api.js';

/** True when an API call said 404: the page shows the not-found page, not an error. */
export const isNotFound = (e: unknown): boolean => e instanceof ApiRequestError && e.status === 404;

/** A translated explanation of a failed load, never the browser's raw "Failed to fetch". */
export function loadErrorText(e: unknown): string {
  if (e instanceof ApiRequestError) {
    if (e.status === 0)
      return msg('The server could not be reached. Check your connection and try again.', {
        id: 'public.error.network',
      });
    if (e.status === 503)
      return msg('The service is temporarily unavailable. Please try again in a minute.', {
        id: 'public.error.unavailable',
      });
    if (e.status === 404) return msg('Not found.', { id: 'public.error.notfound' });
    if (e.status >= 500)
      return msg('The server had a problem loading the data. Please try again.', {
        id: 'public.error.server',
      });
    return msg('The request was not accepted.', { id: 'public.error.request' });
  }
  return msg('Something went wrong while showing the data.', { id: 'public.error.unknown' });
}
