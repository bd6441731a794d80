import type { RequestHandler } from 'express';
import { inspectJson } from '#surveys/guard.js';
import { badRequest, fieldError } from './errors.js';
import { serverMessage } from './messages.js';

export const MAX_DEPTH = 32;

// The byte size is bounded by express.json(); only keys and nesting are checked here, with the one
// JSON hazard guard (surveys/guard.ts) that survey validation uses too.
const BODY_LIMITS = {
  maxDepth: MAX_DEPTH,
  maxNodes: Number.MAX_SAFE_INTEGER,
  maxStringLength: Number.MAX_SAFE_INTEGER,
};

/**
 * Rejects JSON bodies that could pollute prototypes when merged (`__proto__`, `constructor`,
 * `prototype` keys), or that nest deeply enough to exhaust recursive validators. Runs after
 * express.json().
 */
export const bodyGuard: RequestHandler = (req, _res, next) => {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
  const found = inspectJson(req.body, BODY_LIMITS);
  if (!found) return next();
  const path = found.path || '/';
  if (found.code === 'forbidden_key') {
    throw badRequest('forbidden_key', serverMessage('forbidden_key', { path }), [
      fieldError(path, found.code, found.message),
    ]);
  }
  throw badRequest('too_deep', serverMessage('too_deep', { limit: MAX_DEPTH, path }), [
    fieldError(path, found.code, found.message),
  ]);
};
