import type { AuditChange } from '#api/admin-audit.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Field-level changes between two audited records (top-level keys; nested values compared whole). */
export function auditDiff(before: unknown, after: unknown): AuditChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys
    .filter((k) => !same(b[k], a[k]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}
