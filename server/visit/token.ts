// A centre token names a place — a family's service centre, optionally one counter, and whether the
// link is for the kiosk tablet at the exit — and never a person or a visit: every visitor at that
// place carries the same token. It is signed with HMAC-SHA-256 under a key derived from the server's
// code secret, so it cannot be forged or altered, and it is not tied to an edition: a QR code printed
// once keeps working as monthly editions open and close.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CentreClaim } from '#api/visit.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

export type { CentreClaim };

const VERSION = 'c1';
/** 128-bit tag: forgery by guessing is out of reach, and the QR code stays small. */
const TAG_BYTES = 16;
const MAX_TOKEN = 400;
const FAMILY = /^[a-z0-9][a-z0-9-]{1,39}$/;
const UNIT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const COUNTER = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,15}$/;

/** The token key: a MAC of the code secret under its own label, so no other use shares it. */
export const centreTokenKey = (hasher: CodeHasher): Buffer =>
  Buffer.from(hasher.code('centre-token-key:v1'), 'hex');

const tag = (key: Buffer, body: string): Buffer =>
  createHmac('sha256', key).update(`${VERSION}.${body}`).digest().subarray(0, TAG_BYTES);

function wellFormed(c: unknown): c is CentreClaim {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
  const o = c as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.some((k) => !['f', 'u', 'c', 'k'].includes(k))) return false;
  return (
    typeof o.f === 'string' &&
    FAMILY.test(o.f) &&
    typeof o.u === 'string' &&
    UNIT.test(o.u) &&
    (o.c === undefined || (typeof o.c === 'string' && COUNTER.test(o.c))) &&
    (o.k === undefined || o.k === 1)
  );
}

/** The signed token: `c1.<base64url claim>.<base64url tag>`. */
export function signCentreToken(
  key: Buffer,
  claim: { family: string; unit: string; counter?: string | undefined; kiosk?: boolean | undefined },
): string {
  const c: CentreClaim = {
    f: claim.family,
    u: claim.unit,
    ...(claim.counter ? { c: claim.counter } : {}),
    ...(claim.kiosk ? { k: 1 as const } : {}),
  };
  if (!wellFormed(c)) throw new TypeError(`not a valid centre: ${JSON.stringify(c)}`);
  const body = Buffer.from(JSON.stringify(c)).toString('base64url');
  return `${VERSION}.${body}.${tag(key, body).toString('base64url')}`;
}

export const invalidCentreToken = (): HttpError =>
  new HttpError(403, 'invalid_centre_token', serverMessage('invalid_centre_token'));

/** The claim of a genuine token; anything forged, altered, truncated or malformed is a 403. */
export function readCentreToken(key: Buffer, token: string): CentreClaim {
  if (token.length > MAX_TOKEN) throw invalidCentreToken();
  const [version, body, mac, ...rest] = token.split('.');
  if (version !== VERSION || !body || !mac || rest.length > 0) throw invalidCentreToken();
  const given = Buffer.from(mac, 'base64url');
  const expected = tag(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCentreToken();
  let claim: unknown;
  try {
    claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalidCentreToken();
  }
  if (!wellFormed(claim)) throw invalidCentreToken();
  return claim;
}
