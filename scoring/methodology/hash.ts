import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical.js';
import type { Methodology } from './types.js';

/**
 * Content hash of a methodology: SHA-256 (hex) of its canonical JSON, so key order and whitespace do not change
 * it but any change of content does. Synchronous and pure, for Node and the browser alike.
 */
export function methodologyHash(m: Methodology): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(m))));
}
