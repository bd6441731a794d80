import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

// Sealed payloads: AES-256-GCM over deflated JSON padded to a multiple of PAD_BYTES, so that
// neither the content nor its length (how many units a firm rated, how long its comment is) can be
// read from a dump. Compressing first keeps a whole form within one padded block, small enough to
// stay in the table row (under PostgreSQL's ~2 kB TOAST threshold); the padding hides what the
// compression ratio would otherwise tell. Layout: version (1) | salt (16) | iv (12) | tag (16) |
// ciphertext of (deflated length (4) | deflated JSON | zero padding).

const VERSION = 1;
const HEADER = 1 + 16 + 12 + 16;

export type SealPurpose = 'draft' | 'pending' | 'firm';
/**
 * A sealed payload is a multiple of this many bytes (plus the 45-byte header): a deflated form fits
 * in 1.5 KiB, so drafts and pending submissions of every size look alike; a firm reference in 128.
 */
export const PAD_BYTES: Record<SealPurpose, number> = { draft: 1536, pending: 1536, firm: 128 };
/** A 256-bit key from secret input keying material, the row's salt and the purpose (HKDF-SHA-256). */
function deriveKey(ikm: string | Buffer, salt: Buffer, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, `ddci/${purpose}/v1`, 32));
}

// The server key seals every pending submission: one derived key per purpose (zero salt, a random
// 96-bit IV per row, as AES-GCM intends), instead of an HKDF on the hot path of each submission.
// A survey code (drafts) gets a fresh salt per save.
const ZERO_SALT = Buffer.alloc(16);
const serverKeys = new WeakMap<Buffer, Map<SealPurpose, Buffer>>();
function keyFor(ikm: string | Buffer, salt: Buffer, purpose: SealPurpose): Buffer {
  if (typeof ikm === 'string' || !salt.equals(ZERO_SALT)) return deriveKey(ikm, salt, purpose);
  let byPurpose = serverKeys.get(ikm);
  if (!byPurpose) serverKeys.set(ikm, (byPurpose = new Map()));
  let key = byPurpose.get(purpose);
  if (!key) byPurpose.set(purpose, (key = deriveKey(ikm, salt, purpose)));
  return key;
}

function pad(json: string, block: number): Buffer {
  const body = deflateRawSync(Buffer.from(json, 'utf8'), { level: 1 });
  const size = Math.ceil((body.length + 4) / block) * block;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}

/**
 * Seals `value` under a key derived from `ikm` (a survey code for drafts, the server secret for
 * pending submissions and firm strata) with a fresh salt; `aad` binds it to its row.
 */
export function seal(ikm: string | Buffer, purpose: SealPurpose, value: unknown, aad = ''): Buffer {
  const salt = typeof ikm === 'string' ? randomBytes(16) : ZERO_SALT;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(ikm, salt, purpose), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(pad(JSON.stringify(value), PAD_BYTES[purpose])), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), salt, iv, cipher.getAuthTag(), ct]);
}

/** Opens a sealed payload; throws if the key, the row binding or the bytes are wrong. */
export function unseal<T = unknown>(ikm: string | Buffer, purpose: SealPurpose, sealed: Buffer, aad = ''): T {
  if (sealed.length < HEADER || sealed[0] !== VERSION) throw new Error('not a sealed payload');
  const salt = sealed.subarray(1, 17);
  const decipher = createDecipheriv('aes-256-gcm', keyFor(ikm, salt, purpose), sealed.subarray(17, 29));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(29, HEADER));
  const plain = Buffer.concat([decipher.update(sealed.subarray(HEADER)), decipher.final()]);
  const length = plain.readUInt32BE(0);
  return JSON.parse(inflateRawSync(plain.subarray(4, 4 + length)).toString('utf8')) as T;
}
