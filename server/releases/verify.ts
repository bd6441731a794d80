import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalJson, sha256Hex } from '#api/canonical-json.js';
import { publicKeyFromPem, verifyBytes } from './signing.js';

export const VERIFY_USAGE = `usage: npm run verify-release -- FILE [--signature SIG] [--key PEM]

Checks offline that FILE (a release document as downloaded from /api/v1/releases/ID) is signed by
the deployment's Ed25519 key.

  --signature SIG  the raw 64-byte signature (/api/v1/releases/ID/signature.sig); default: FILE.sig,
                   or ID/signature.sig next to FILE as in a static export
  --key PEM        the public key (/api/v1/keys/release-signing.pem); default: keys/release-signing.pem
                   of the static export FILE is in
`;

export interface VerifyIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

function findSignature(file: string): string | undefined {
  const sibling = path.join(path.dirname(file), path.basename(file, '.json'), 'signature.sig');
  return [`${file}.sig`, sibling].find((f) => existsSync(f));
}

function findKey(file: string): string | undefined {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'keys', 'release-signing.pem');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Exit codes: 0 valid, 1 invalid signature or not a canonical release, 2 usage or missing file. */
export function runVerify(argv: string[], io: VerifyIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { signature: { type: 'string' }, key: { type: 'string' } },
    });
  } catch (e) {
    io.stderr(`verify-release: ${(e as Error).message}\n\n${VERIFY_USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    io.stderr(VERIFY_USAGE);
    return 2;
  }
  const sigFile = parsed.values.signature ?? findSignature(file);
  const keyFile = parsed.values.key ?? findKey(file);
  const missing = [
    !existsSync(file) && `no such file: ${file}`,
    !sigFile &&
      `no signature found for ${file}: pass --signature FILE (download /api/v1/releases/ID/signature.sig)`,
    sigFile && !existsSync(sigFile) && `no such file: ${sigFile}`,
    !keyFile && 'no public key found: pass --key FILE (download /api/v1/keys/release-signing.pem)',
    keyFile && !existsSync(keyFile) && `no such file: ${keyFile}`,
  ].filter(Boolean);
  if (missing.length > 0) {
    io.stderr(`verify-release: ${missing.join('; ')}\n`);
    return 2;
  }
  return check(readFileSync(file), readFileSync(sigFile!), readFileSync(keyFile!, 'utf8'), io);
}

function check(bytes: Buffer, signature: Buffer, pem: string, io: VerifyIo): number {
  const { publicKey, fingerprint } = publicKeyFromPem(pem);
  const ok = verifyBytes(publicKey, bytes, signature);
  let id = '?';
  let canonical = false;
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as { id?: string };
    id = doc.id ?? '?';
    canonical = canonicalJson(doc) === bytes.toString('utf8');
  } catch {
    // Not JSON: the signature check alone decides, and it cannot pass for a release.
  }
  if (!ok) {
    io.stderr(
      `FAILED: the signature does not match release ${id} and key ${fingerprint}. The file was changed ` +
        'after signing, or it was signed by another key. Do not trust its numbers.\n',
    );
    return 1;
  }
  if (!canonical) {
    io.stderr(
      'FAILED: the signature matches, but the file is not a canonical (RFC 8785) release document.\n',
    );
    return 1;
  }
  io.stdout(`OK: release ${id} is signed by key ${fingerprint} (sha256 ${sha256Hex(bytes)})\n`);
  return 0;
}
