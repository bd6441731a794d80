import { fieldError, HttpError, invalid } from '#server/http/errors.js';
import type { Localized } from '#api/text.js';

// Survey API errors: every one names the field (JSON pointer) with a stable code and a Vietnamese
// and English message, in `details`. `fieldError` and `invalid` live in server/http/errors.ts.
export { fieldError, invalid };

export function notFoundError(path: string, message: Localized): HttpError {
  return new HttpError(404, 'not_found', message, [fieldError(path, 'not_found', message)]);
}

/** A body field that is missing or of the wrong type. */
export function badField(path: string, message: Localized, code = 'invalid_field'): HttpError {
  return new HttpError(400, code, message, [fieldError(path, code, message)]);
}
