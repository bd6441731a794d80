import type { FieldError } from '#api/errors.js';
import type { Localized } from '#api/text.js';
import { serverMessage } from './messages.js';

export type { FieldError };

/**
 * The one error type routes throw: the error middleware turns it into the `ApiError` envelope
 * `{"error": {"code", "message", "messages": {vi, en}, "details"?, "total"?}}` with `status`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Localized,
    readonly details?: FieldError[],
    /** How many field errors there were when `details` is a capped list. */
    readonly total?: number,
  ) {
    super(messages.en);
    this.name = 'HttpError';
  }
}

export const notFound = (what: Localized): HttpError => new HttpError(404, 'not_found', what);

export const badRequest = (code: string, messages: Localized, details?: FieldError[]): HttpError =>
  new HttpError(400, code, messages, details);

export const fieldError = (path: string, code: string, message: Localized): FieldError => ({
  path,
  code,
  message,
});

/** 422: the request is well-formed JSON but its content fails validation; the summary quotes the first field. */
export function invalid(
  details: FieldError[],
  code = 'validation_failed',
  total = details.length,
): HttpError {
  const first = details[0];
  return new HttpError(
    422,
    code,
    first
      ? serverMessage('validation_failed', { total, path: first.path, first: first.message })
      : serverMessage('validation_failed.empty'),
    details,
    total > details.length ? total : undefined,
  );
}
