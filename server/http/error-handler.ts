import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { HttpError } from './errors.js';
import { requestLang } from './lang.js';
import { serverMessage } from './messages.js';
import {
  BUSY_RETRY_AFTER_SECONDS,
  isDatabaseBusy,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from '#server/db/unavailable.js';
import { transportError } from './transport-errors.js';

/** Field errors listed in one response; the rest are counted in `total` (a 4 MB error body was an amplifier). */
export const MAX_DETAILS = 100;

/** 503 for a database that is busy (database_busy, Retry-After 2) or unreachable (database_unavailable, 5). */
function unavailable(err: unknown): HttpError | null {
  if (isDatabaseBusy(err)) {
    return new HttpError(
      503,
      'database_busy',
      serverMessage('database_busy', { seconds: BUSY_RETRY_AFTER_SECONDS }),
    );
  }
  if (!isDatabaseUnavailable(err)) return null;
  return new HttpError(
    503,
    'database_unavailable',
    serverMessage('database_unavailable', { seconds: RETRY_AFTER_SECONDS }),
  );
}

/** JSON 404 for anything under /api that no route answered. */
export const apiNotFound: RequestHandler = (req) => {
  throw new HttpError(
    404,
    'not_found',
    serverMessage('not_found_api', { method: req.method, path: req.path }),
  );
};

/** Errors raised by body-parser (size, syntax) carry a status and a type; map them to our codes. */
function fromBodyParser(err: { status?: number; type?: string }): HttpError | null {
  if (err.type === 'entity.too.large') {
    return new HttpError(413, 'payload_too_large', serverMessage('payload_too_large'));
  }
  if (err.type === 'entity.parse.failed') {
    return new HttpError(400, 'invalid_json', serverMessage('invalid_json'));
  }
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500 && err.type) {
    return new HttpError(err.status, 'bad_request', serverMessage('bad_request'));
  }
  return null;
}

/**
 * What of an unexpected error may be logged. Database errors quote the failed SQL with its parameters,
 * which can hold answers or code hashes: keep the first line of the message only, without any
 * "params:" tail, and the stack frames (which carry no data).
 */
export function safeError(err: unknown): { name: string; message: string; stack: string[] } {
  const e = err instanceof Error ? err : new Error(String(err));
  const firstLine = (e.message.split('\n')[0] ?? '').replace(/\s*params:.*$/is, '').slice(0, 300);
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return { name: e.name, message: firstLine, stack: frames.slice(0, 15).map((l) => l.trim()) };
}

/** The single error middleware: typed errors keep their status; anything else is a logged 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known =
      err instanceof HttpError
        ? err
        : (transportError(err) ??
          unavailable(err) ??
          fromBodyParser(err as { status?: number; type?: string }));
    const error = known ?? new HttpError(500, 'internal_error', serverMessage('internal_error'));
    if (!known) logger.error({ err: safeError(err) }, 'unhandled error');
    if (error.status === 503 && !res.get('Retry-After'))
      res.set(
        'Retry-After',
        String(error.code === 'database_busy' ? BUSY_RETRY_AFTER_SECONDS : RETRY_AFTER_SECONDS),
      );
    const lang = requestLang(req);
    const details = error.details?.slice(0, MAX_DETAILS);
    const total = Math.max((error as { total?: number }).total ?? 0, error.details?.length ?? 0);
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.messages[lang],
        messages: error.messages,
        ...(details ? { details } : {}),
        ...(details && total > details.length ? { total } : {}),
      },
    });
  };
}
