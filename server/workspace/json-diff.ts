import type { JsonChange } from '#api/admin-methodology.js';

const MAX_CHANGES = 500;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Leaf-level differences between two JSON values, by JSON pointer (arrays by index). */
export function jsonDiff(before: unknown, after: unknown, path = '', out: JsonChange[] = []): JsonChange[] {
  if (out.length >= MAX_CHANGES) return out;
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) jsonDiff(before[k], after[k], `${path}/${escape(k)}`, out);
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after))
    out.push({ path: path || '/', before: before ?? null, after: after ?? null });
  return out;
}
