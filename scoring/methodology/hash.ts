import { contentHash } from '#api/canonical-json.js';
import type { Methodology } from './types.js';

/**
 * Content hash of a methodology: SHA-256 (hex) of its RFC 8785 canonical JSON, so key order and
 * whitespace do not change it but any change of content does. Synchronous and pure, for Node and the browser alike.
 */
export function methodologyHash(m: Methodology): string {
  return contentHash(m);
}
