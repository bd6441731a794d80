import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalJson } from '#api/canonical-json.js';
import {
  ephemeralSigningKey,
  loadOrCreateSigningKey,
  signBytes,
  verifyBytes,
} from '#server/releases/signing.js';
import { runVerify } from '#server/releases/verify.js';

const document = canonicalJson({ id: 'x-2024-r1', blocks: [{ units: [{ code: 'A', composite: 63.25 }] }] });

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) },
  };
}

describe('release signing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'release-key-'));

  it('loadOrCreateSigningKey(file) creates an Ed25519 key with mode 0600 once, then loads the same key', () => {
    const file = path.join(dir, 'sub', 'key.pem');
    const first = loadOrCreateSigningKey(file);
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    expect(readFileSync(`${file}.pub`, 'utf8')).to.equal(first.publicKeyPem);
    expect(loadOrCreateSigningKey(file).fingerprint).to.equal(first.fingerprint);
    expect(first.fingerprint).to.match(/^[0-9a-f]{64}$/);
  });

  it('loadOrCreateSigningKey(file) refuses a key others can read, saying how to fix it', () => {
    const file = path.join(dir, 'loose.pem');
    loadOrCreateSigningKey(file);
    chmodSync(file, 0o644);
    expect(() => loadOrCreateSigningKey(file)).to.throw(/readable by others.*chmod 600/);
  });

  it('verifyBytes(key, bytes, signBytes(key, bytes)) holds; one changed digit or another key fails', () => {
    const key = ephemeralSigningKey();
    const bytes = Buffer.from(document);
    const sig = signBytes(key, bytes);
    expect(sig).to.have.length(64);
    expect(verifyBytes(key.publicKey, bytes, sig)).to.equal(true);
    expect(verifyBytes(key.publicKey, Buffer.from(document.replace('63.25', '63.26')), sig)).to.equal(false);
    expect(verifyBytes(ephemeralSigningKey().publicKey, bytes, sig)).to.equal(false);
  });

  describe('offline checks of a downloaded release', () => {
    const key = ephemeralSigningKey();
    const d = mkdtempSync(path.join(tmpdir(), 'release-verify-'));
    const file = path.join(d, 'release.json');
    const sigFile = path.join(d, 'release.sig');
    const keyFile = path.join(d, 'release-signing.pem');
    const tampered = path.join(d, 'tampered.json');
    before(() => {
      writeFileSync(file, document);
      writeFileSync(sigFile, signBytes(key, Buffer.from(document)));
      writeFileSync(keyFile, key.publicKeyPem);
      writeFileSync(tampered, document.replace('63.25', '63.26'));
    });

    it('npm run verify-release -- FILE --signature S --key K says OK for a valid release', () => {
      const t = io();
      expect(runVerify([file, '--signature', sigFile, '--key', keyFile], t.io)).to.equal(0);
      expect(t.out.stdout).to.include(`OK: release x-2024-r1 is signed by key ${key.fingerprint}`);
    });

    it('npm run verify-release fails for one changed digit and for another key', () => {
      const t = io();
      expect(runVerify([tampered, '--signature', sigFile, '--key', keyFile], t.io)).to.equal(1);
      expect(t.out.stderr).to.include('FAILED: the signature does not match release x-2024-r1');
      const other = path.join(d, 'other.pem');
      writeFileSync(other, ephemeralSigningKey().publicKeyPem);
      expect(runVerify([file, '--signature', sigFile, '--key', other], io().io)).to.equal(1);
    });

    it('npm run verify-release without a signature it can find exits 2 saying what to download', () => {
      const t = io();
      expect(runVerify([tampered, '--key', keyFile], t.io)).to.equal(2);
      expect(t.out.stderr).to.include('pass --signature FILE (download /api/v1/releases/ID/signature.sig)');
    });

    it('the README openssl steps verify the release and reject one changed digit', () => {
      const openssl = (args: string[]) => spawnSync('openssl', args, { encoding: 'utf8' });
      const ok = openssl([
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        keyFile,
        '-rawin',
        '-in',
        file,
        '-sigfile',
        sigFile,
      ]);
      expect(ok.status).to.equal(0);
      expect(ok.stdout).to.include('Signature Verified Successfully');
      const bad = openssl([
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        keyFile,
        '-rawin',
        '-in',
        tampered,
        '-sigfile',
        sigFile,
      ]);
      expect(bad.status).to.not.equal(0);
      expect(bad.stdout + bad.stderr).to.include('Signature Verification Failure');
      const der = execFileSync('openssl', ['pkey', '-pubin', '-in', keyFile, '-outform', 'DER']);
      const digest = execFileSync('openssl', ['dgst', '-sha256', '-r'], { input: der, encoding: 'utf8' });
      expect(digest.split(' ')[0]).to.equal(key.fingerprint);
    });
  });
});
