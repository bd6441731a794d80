import { HttpError, type FieldError, type Message } from '#server/http/errors.js';

// Survey API errors: every one names the field (JSON pointer) with a stable code and a Vietnamese
// and English message, in `details`.

export const fieldError = (path: string, code: string, message: Message): FieldError => ({
  path,
  code,
  message,
});

/** 422: the request is well-formed JSON but its content fails validation. */
export function invalid(details: FieldError[], code = 'validation_failed'): HttpError {
  const first = details[0];
  return new HttpError(
    422,
    code,
    {
      vi: `Dữ liệu không hợp lệ (${details.length} lỗi)${first ? `: ${first.path} — ${first.message.vi}` : ''}`,
      en: `Invalid data (${details.length} error${details.length === 1 ? '' : 's'})${first ? `: ${first.path} — ${first.message.en}` : ''}`,
    },
    details,
  );
}

export function notFoundError(path: string, message: Message): HttpError {
  return new HttpError(404, 'not_found', message, [fieldError(path, 'not_found', message)]);
}

/** A body field that is missing or of the wrong type. */
export function badField(path: string, message: Message, code = 'invalid_field'): HttpError {
  return new HttpError(400, code, message, [fieldError(path, code, message)]);
}

export function requireString(body: unknown, key: string, label: Message, max = 200): string {
  const value =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw badField(`/${key}`, {
      vi: `Thiếu hoặc sai trường "${key}" (${label.vi})`,
      en: `Missing or invalid field "${key}" (${label.en})`,
    });
  }
  return value;
}
