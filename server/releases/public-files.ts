import type { ReleaseSignature, SigningKey as SigningKeyPayload } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { familyListCsv, metadataCsv, profileCsv, rankingCsv, releaseIndexCsv } from './csv.js';
import { unitProfile } from './profile-view.js';
import type { ReleaseSet, StoredRelease } from './release-set.js';
import { familyList, rankingView, releaseIndex, releaseMetadata } from './views.js';

/** The whole public data set as files, by path under the export folder (which mirrors /api/v1/…). */
export type PublicFiles = Map<string, string | Buffer>;

export const PUBLIC_ROOT = 'api/v1';

const json = (v: unknown) => `${JSON.stringify(v)}\n`;

/** A view as `<base>.json`, `<base>.csv` (Vietnamese headers) and `<base>.en.csv`. */
function addView<T>(files: PublicFiles, base: string, view: T, csv?: (v: T, lang: Lang) => string) {
  files.set(`${PUBLIC_ROOT}/${base}.json`, json(view));
  if (!csv) return;
  files.set(`${PUBLIC_ROOT}/${base}.csv`, csv(view, 'vi'));
  files.set(`${PUBLIC_ROOT}/${base}.en.csv`, csv(view, 'en'));
}

function addRankings(files: PublicFiles, set: ReleaseSet, r: StoredRelease, base: string) {
  const d = r.document;
  addView(files, base, rankingView(set, r)!, rankingCsv);
  for (const b of d.blocks) addView(files, `${base}/${b.code}`, rankingView(set, r, b.code)!, rankingCsv);
}

/** Options of the export: PUBLIC_URL makes citations and download links absolute. */
export interface ExportOptions {
  publicUrl?: string | undefined;
}

function addRelease(files: PublicFiles, set: ReleaseSet, r: StoredRelease, o: ExportOptions) {
  const id = r.document.id;
  // The document exactly as signed: canonical JSON, no trailing newline.
  files.set(`${PUBLIC_ROOT}/releases/${id}.json`, r.text);
  const raw = Buffer.from(r.signature, 'base64');
  const signature: ReleaseSignature = {
    release: id,
    algorithm: 'Ed25519',
    signature: r.signature,
    sha256: r.sha256,
    keyFingerprint: r.keyFingerprint,
    raw: `/${PUBLIC_ROOT}/releases/${id}/signature.sig`,
  };
  files.set(`${PUBLIC_ROOT}/releases/${id}/signature.json`, json(signature));
  files.set(`${PUBLIC_ROOT}/releases/${id}/signature.sig`, raw);
  addView(files, `releases/${id}/metadata`, releaseMetadata(set, r, o.publicUrl), metadataCsv);
  addRankings(files, set, r, `releases/${id}/rankings`);
}

/**
 * Every public file: families, the release index, each release (document, signature, metadata,
 * rankings), each edition's current rankings, each unit's profile, and the public key.
 */
export function publicFiles(
  set: ReleaseSet,
  key: { publicKeyPem: string; fingerprint: string },
  options: ExportOptions = {},
): PublicFiles {
  const files: PublicFiles = new Map();
  addView(files, 'families', familyList(set), familyListCsv);
  addView(files, 'releases', releaseIndex(set), releaseIndexCsv);
  for (const r of set.all) addRelease(files, set, r, options);
  const units = new Map<string, Set<string>>();
  for (const r of set.current()) {
    const d = r.document;
    addRankings(files, set, r, `rankings/${d.family.code}/${d.edition}`);
    const codes = units.get(d.family.code) ?? new Set();
    for (const b of d.blocks) for (const u of b.units) codes.add(u.code);
    units.set(d.family.code, codes);
  }
  for (const [family, codes] of units)
    for (const code of codes)
      addView(files, `units/${family}/${code}`, unitProfile(set, family, code)!, profileCsv);
  const keyPayload: SigningKeyPayload = {
    algorithm: 'Ed25519',
    publicKeyPem: key.publicKeyPem,
    fingerprint: key.fingerprint,
    pem: `/${PUBLIC_ROOT}/keys/release-signing.pem`,
  };
  files.set(`${PUBLIC_ROOT}/keys/release-signing.json`, json(keyPayload));
  files.set(`${PUBLIC_ROOT}/keys/release-signing.pem`, key.publicKeyPem);
  return files;
}
