/** A bilingual, user-facing message. */
export interface Message {
  vi: string;
  en: string;
}

/** A field-level problem in a request, named by its path. */
export interface FieldError {
  path: string;
  code: string;
  message: Message;
}

/**
 * The one error type routes throw: the error middleware turns it into
 * `{"error": {"code", "message", "messages": {vi, en}, "details"?}}` with `status`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Message,
    readonly details?: FieldError[],
  ) {
    super(messages.en);
    this.name = 'HttpError';
  }
}

export const notFound = (what: Message): HttpError => new HttpError(404, 'not_found', what);

export const badRequest = (code: string, messages: Message, details?: FieldError[]): HttpError =>
  new HttpError(400, code, messages, details);
