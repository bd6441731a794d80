// An XLSX is a ZIP: a 108 KB workbook can expand to hundreds of megabytes (a "zip bomb") and used
// to take the server down. Its central directory says how large every part expands to; we read
// that before any unzipping and refuse what is over the bounds. A directory that lies is caught
// by the parser's worker memory cap (see sheet-worker.ts).

export const ZIP_LIMITS = {
  maxEntries: 2_000,
  /** Sum of the declared expanded sizes. */
  maxExpandedBytes: 100 * 1024 * 1024,
  /** Expanded / compressed size of one entry; real XLSX parts compress 5-20x. */
  maxRatio: 200,
};

export class ZipBoundsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipBoundsError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function findEndOfDirectory(buf: Buffer): number {
  const start = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= start; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipBoundsError('not a ZIP/XLSX file (no central directory)');
}

/** Checks the declared sizes of every entry; returns the total expanded size in bytes. */
export function checkZipBounds(buf: Buffer, limits = ZIP_LIMITS): number {
  if (buf.length < 22) throw new ZipBoundsError('not a ZIP/XLSX file (too short)');
  const end = findEndOfDirectory(buf);
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (entries > limits.maxEntries)
    throw new ZipBoundsError(`the workbook has too many parts (${entries}; at most ${limits.maxEntries})`);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      throw new ZipBoundsError('the workbook is damaged (bad central directory)');
    const compressed = buf.readUInt32LE(at + 20);
    const expanded = buf.readUInt32LE(at + 24);
    if (compressed === 0xffffffff || expanded === 0xffffffff)
      throw new ZipBoundsError('the workbook is too large (ZIP64 parts)');
    total += expanded;
    if (total > limits.maxExpandedBytes)
      throw new ZipBoundsError(
        `the workbook expands to more than ${limits.maxExpandedBytes / 1024 / 1024} MB; split it into smaller files`,
      );
    if (expanded > 1024 * 1024 && expanded / Math.max(1, compressed) > limits.maxRatio)
      throw new ZipBoundsError(
        `a part of the workbook expands ${Math.round(expanded / Math.max(1, compressed))}-fold (a "zip bomb"); refused`,
      );
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}
