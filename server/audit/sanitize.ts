/**
 * Keys that never enter the audit log, at any depth: secrets (password and token hashes, CSRF
 * tokens), survey codes and answers. Records are passed through this before they are written, so a
 * caller that hands over a whole row cannot leak them.
 */
const FORBIDDEN = new Set([
  'passwordHash',
  'password',
  'tokenHash',
  'token',
  'csrfToken',
  'idHash',
  'codeHash',
  'codes',
  'answers',
  'response',
  'responses',
  'submissionHash',
  'draft',
]);

export function sanitizeForAudit(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => sanitizeForAudit(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (FORBIDDEN.has(k)) continue;
    out[k] = sanitizeForAudit(v, depth + 1);
  }
  return out;
}
