import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface CachedFile {
  bytes: Buffer;
  /** Strong validator: the SHA-256 of the bytes. */
  etag: string;
}

/**
 * Reads public files from the export folder, keeping each in memory with its ETag until its size
 * or modification time changes (a new export replaces the folder). Missing files give undefined.
 */
export class PublicFileCache {
  private readonly cache = new Map<string, CachedFile & { key: string }>();

  constructor(readonly dir: string) {}

  async get(rel: string): Promise<CachedFile | undefined> {
    const file = path.join(this.dir, rel);
    let info;
    try {
      info = await stat(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
        return undefined;
      throw e;
    }
    if (!info.isFile()) return undefined;
    const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
    const hit = this.cache.get(rel);
    if (hit && hit.key === key) return hit;
    const bytes = await readFile(file);
    const entry = { key, bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url')}"` };
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(rel, entry);
    return entry;
  }
}
