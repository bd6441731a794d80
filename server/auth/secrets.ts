import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token with a readable prefix (`ddci_s_…` sessions, `ddci_t_…` API tokens). */
export const randomToken = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/**
 * Tokens are 256-bit random values, so a plain SHA-256 is enough to store them: unlike passwords
 * there is nothing to brute-force, and lookups stay one indexed equality.
 */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
