import type { RequestHandler } from 'express';
import { badRequest } from './errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 32;

/** Finds the first forbidden key or over-deep node in a parsed JSON value; returns its path. */
export function inspectJson(
  value: unknown,
  maxDepth = MAX_DEPTH,
): { path: string; problem: 'key' | 'depth' } | null {
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return { path: path || '/', problem: 'depth' };
    for (const key of Object.keys(node)) {
      const child = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (FORBIDDEN_KEYS.has(key)) return { path: child, problem: 'key' };
      stack.push([(node as Record<string, unknown>)[key], child, depth + 1]);
    }
  }
  return null;
}

/**
 * Rejects JSON bodies that could pollute prototypes when merged, or that nest deeply enough to
 * exhaust recursive validators. Runs after express.json(), which already bounds the byte size.
 */
export const bodyGuard: RequestHandler = (req, _res, next) => {
  if (req.body === undefined) return next();
  const found = inspectJson(req.body);
  if (found?.problem === 'key') {
    throw badRequest(
      'forbidden_key',
      {
        vi: `Khóa không được phép trong dữ liệu gửi lên: ${found.path}`,
        en: `Forbidden key in request body: ${found.path}`,
      },
      [
        {
          path: found.path,
          code: 'forbidden_key',
          message: { vi: 'Khóa không được phép', en: 'Forbidden key' },
        },
      ],
    );
  }
  if (found?.problem === 'depth') {
    throw badRequest('too_deep', {
      vi: `Dữ liệu gửi lên lồng nhau quá sâu (tối đa ${MAX_DEPTH} cấp) tại ${found.path}`,
      en: `Request body is nested too deeply (at most ${MAX_DEPTH} levels) at ${found.path}`,
    });
  }
  next();
};
