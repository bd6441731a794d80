import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The deployment's Ed25519 release-signing key. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** SHA-256 (hex) of the DER SubjectPublicKeyInfo, as `openssl pkey -pubin -outform DER | openssl dgst -sha256` prints it. */
  fingerprint: string;
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function publicKeyFromPem(pem: string): { publicKey: KeyObject; fingerprint: string } {
  const publicKey = createPublicKey(pem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('the key is not an Ed25519 public key');
  return { publicKey, fingerprint: keyFingerprint(publicKey) };
}

function fromPrivate(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('the release-signing key is not an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKey, publicKeyPem, fingerprint: keyFingerprint(publicKey) };
}

/** A fresh key held only in memory (tests, throwaway exports). */
export const ephemeralSigningKey = (): SigningKey => fromPrivate(generateKeyPairSync('ed25519').privateKey);

function refuseLoosePermissions(file: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `the release-signing key ${file} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${file}`,
    );
  }
}

/**
 * The key in `file` (PKCS#8 PEM), generated there with mode 0600 on first use, with its public half
 * written next to it as `<file>.pub`. Two processes starting at once end up with the same key.
 */
export function loadOrCreateSigningKey(file: string): SigningKey {
  try {
    refuseLoosePermissions(file);
    return fromPrivate(createPrivateKey(readFileSync(file, 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = ephemeralSigningKey();
  const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSigningKey(file);
    throw e;
  }
  chmodSync(file, 0o600);
  writeFileSync(`${file}.pub`, key.publicKeyPem, { mode: 0o644 });
  return key;
}

/** Ed25519 signature (64 bytes) of the exact bytes. */
export const signBytes = (key: SigningKey, bytes: Uint8Array): Buffer => sign(null, bytes, key.privateKey);

export const verifyBytes = (publicKey: KeyObject, bytes: Uint8Array, signature: Uint8Array): boolean =>
  signature.length === 64 && verify(null, bytes, publicKey, signature);
