import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

// The one canonical JSON and content hash of the code base: release documents, methodology hashes
// and survey-definition hashes all use it. Pure (Node and the browser).

/**
 * RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no whitespace,
 * numbers as ECMAScript prints them, strings escaped as JSON.stringify does (which is what RFC 8785
 * prescribes). Like JSON.stringify, properties whose value is undefined are dropped (and undefined
 * array items become null); values JSON cannot represent (NaN, Infinity, lone surrogates, functions,
 * bigints) throw instead of being written silently.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return canonicalString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('value is not finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${canonicalString(k)}:${canonicalJson(record[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`cannot serialise ${typeof value}`);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function canonicalString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new RangeError('string has a lone surrogate');
  return JSON.stringify(s);
}

/** SHA-256 (lowercase hex) of a text's UTF-8 bytes, or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** Content hash of a JSON value: SHA-256 of its canonical JSON. Key order and whitespace do not change it. */
export const contentHash = (value: unknown): string => sha256Hex(canonicalJson(value));
