import { hash, verify } from '@node-rs/argon2';
import type { Localized } from '#api/text.js';
import { serverMessage } from '#server/http/messages.js';

// argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). `Algorithm` is a const enum that
// isolatedModules cannot inline, hence the literal 2 (= Algorithm.Argon2id).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed stored hash (never throws on bad input). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when a login names no account, so timing tells nothing. */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(`dummy-${Math.random()}`));

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: unknown, username?: string): Localized | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return serverMessage('password_too_short', { limit: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH)
    return serverMessage('password_too_long', { limit: MAX_PASSWORD_LENGTH });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return serverMessage('password_has_username');
  return null;
}
