import { CODE_PAYLOAD_LENGTH, formatCode } from '#surveys/code-format.js';
import type { CodeHasher } from './code-hash.js';

/**
 * The public try-it codes of a demo edition, derived from the server secret instead of being
 * stored: code i is the first 13 bytes of a keyed MAC of (slug, i), masked to 5 bits (32 divides
 * 256, so unbiased). Only demo editions have them; the seed issues them and the open-surveys list
 * shows the unused ones, so no plaintext code is kept anywhere, even for the demo.
 */
export function demoCodes(hasher: CodeHasher, slug: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    // The 'demo/' domain never collides with a canonical code, which has no '/'.
    const mac = Buffer.from(hasher.code(`demo/${slug}/${i}`), 'hex');
    return formatCode([...mac.subarray(0, CODE_PAYLOAD_LENGTH)].map((b) => b & 31));
  });
}

/** Demo codes issued per demo edition; the list shows a few unused ones at a time. */
export const DEMO_CODE_COUNT = 200;
