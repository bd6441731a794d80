// The encoding of an uploaded text file (CSV), found rather than assumed: Excel on a Vietnamese
// Windows saves "CSV" as Windows-1258 and "Unicode text" as UTF-16; read as UTF-8 either would be
// stored garbled. Recognised: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the zero bytes of
// ASCII text), Windows-1258. Anything else is refused with a message naming what it looks like.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export class EncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodingError';
  }
}

// Windows-1258 bytes that are Vietnamese letters or its combining tone marks (0xCC 0xD2 0xDE 0xEC 0xF2).
const VIETNAMESE_1258 = new Set([
  0xc0,
  0xc1,
  0xc2,
  0xc3,
  0xc8,
  0xc9,
  0xca,
  0xcc,
  0xcd,
  0xd2,
  0xd3,
  0xd4,
  0xd5,
  0xd9,
  0xda,
  0xdd,
  0xde,
  0xe0,
  0xe1,
  0xe2,
  0xe3,
  0xe8,
  0xe9,
  0xea,
  0xec,
  0xed,
  0xf2,
  0xf3,
  0xf4,
  0xf5,
  0xf9,
  0xfa,
  0xfd,
  0xfe,
  0xd0,
  0xf0, // Đ đ
]);

function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of the bytes ≥ 0x80 that Windows-1258 reads as Vietnamese letters or tone marks. */
function vietnameseShare(buf: Buffer): number {
  let high = 0;
  let vietnamese = 0;
  for (const b of buf) {
    if (b < 0x80) continue;
    high++;
    if (VIETNAMESE_1258.has(b)) vietnamese++;
  }
  return high === 0 ? 1 : vietnamese / high;
}

function firstInvalidUtf8(buf: Buffer): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return -1;
  } catch {
    // Locate it for the message: the longest prefix that decodes.
    let lo = 0;
    let hi = buf.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    return lo;
  }
}

/**
 * decodeText(buffer) — the text of a file and the encoding it was in, with any BOM dropped and
 * Windows-1258's separate tone marks composed (NFC). Throws EncodingError naming the problem.
 */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const wide = utf16WithoutBom(buf);
  if (wide) return { text: iconv.decode(buf, wide), encoding: wide };
  if (firstInvalidUtf8(buf) === -1) return utf8(buf);
  if (vietnameseShare(buf) >= 0.6)
    return { text: iconv.decode(buf, 'windows-1258').normalize('NFC'), encoding: 'windows-1258' };
  const at = firstInvalidUtf8(buf);
  throw new EncodingError(
    `the file is not UTF-8 (invalid byte 0x${buf[at]!.toString(16).toUpperCase()} at offset ${at}) and does not ` +
      'look like UTF-16 or Windows-1258 either (perhaps TCVN3, VNI or Windows-1252); save it as "CSV UTF-8" and upload it again',
  );
}

function utf8(buf: Buffer): { text: string; encoding: 'utf-8' } {
  const at = firstInvalidUtf8(buf);
  if (at !== -1)
    throw new EncodingError(
      `the file starts with a UTF-8 BOM but has an invalid byte at offset ${at}; save it as "CSV UTF-8" again`,
    );
  return { text: buf.toString('utf8'), encoding: 'utf-8' };
}
