import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Keyed hashing of survey codes and submissions; the plaintext code is never stored. */
export interface CodeHasher {
  /** HMAC-SHA-256 of a canonical code (see parseCode), hex. */
  code(code: string): string;
  /**
   * Fingerprint of an accepted submission, keyed by the code and a client nonce as well as the
   * secret: a retry can be recognised, but nobody can recompute it from a stored response, even
   * with the list of issued codes, because the nonce is kept nowhere.
   */
  submission(code: string, nonce: string, canonicalPayload: string): string;
  /**
   * Keying material for sealing pending submissions and firm strata (seal.ts): a MAC of the secret,
   * so the secret itself never reaches another primitive.
   */
  readonly sealKey: Buffer;
}

export function codeHasher(secret: string | Buffer): CodeHasher {
  const mac = (parts: string[]): string => {
    const h = createHmac('sha256', secret);
    for (const part of parts) h.update(`${Buffer.byteLength(part)}:${part};`);
    return h.digest('hex');
  };
  return {
    code: (code) => mac(['code', code]),
    submission: (code, nonce, payload) => mac(['submission', code, nonce, payload]),
    sealKey: Buffer.from(mac(['seal']), 'hex'),
  };
}

/**
 * The configured CODE_SECRET, or one generated on first use and kept in DATA_DIR/code-secret
 * (mode 0600). Without either (tests), an in-memory secret: codes then live as long as the process.
 */
export function resolveCodeSecret(opts: {
  codeSecret?: string | undefined;
  dataDir?: string | undefined;
}): string {
  if (opts.codeSecret) return opts.codeSecret;
  if (!opts.dataDir) return randomBytes(32).toString('hex');
  const file = path.join(opts.dataDir, 'code-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  // 'wx' fails if another process created it meanwhile; then use theirs.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw e;
  }
  chmodSync(file, 0o600);
  return secret;
}
