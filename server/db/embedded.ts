// The embedded PostgreSQL (PGlite) on a data folder, made safe to keep real answers in:
// - durable: PGlite starts postgres with fsync off (-F) and its Node filesystem has no fsync at all
//   (fdatasync is a no-op in its Emscripten layer). We start it with fsync on, wal_sync_method=fsync,
//   and give the filesystem a real fsync, so a commit is on disk before it is acknowledged.
// - private: folders 0700 and files 0600 whatever the umask (PGlite otherwise creates them 0666).
// - exclusive: the folder is locked by the process that opened it (see lock.ts).
import {
  chmodSync,
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
} from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { lockDataFolder, type FolderLock } from './lock.js';

/** PGlite's own start parameters (0.5.x) without -F, with fsync as the WAL sync method. */
const DURABLE_START = [
  '--single',
  '-O',
  '-j',
  ...['-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false'],
  ...['-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0'],
  ...['-c', 'max_parallel_workers_per_gather=0', '-c', 'max_parallel_maintenance_workers=0'],
  ...['-c', 'io_method=sync', '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
  // 32 MB of shared buffers instead of 128: PGlite's WebAssembly memory then starts at 138 MB
  // instead of 199 and the server stays ~110 MB smaller (the OS page cache still holds the files);
  // scoring a demo edition took the same CPU time (bench:start prints the server's memory).
  ...['-c', 'shared_buffers=32MB'],
];

const PRIVATE = ~0o077;

interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: { nfd: number }) => number };
  node_ops: { mknod: (parent: unknown, name: string, mode: number, dev: number) => unknown };
  doSetAttr: (fd: unknown, node: unknown, attr: { mode?: number }, ...rest: unknown[]) => void;
}

/** PGlite's Node filesystem with a real fsync and owner-only modes on everything it creates. */
class SafeNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = (result.emscriptenOpts.preRun ?? []) as Array<(m: unknown) => void>;
    const harden = (mod: unknown): void => {
      const fs = (mod as { NODEFS: EmscriptenNodeFs }).NODEFS;
      fs.stream_ops.fsync = (stream) => {
        fsyncSync(stream.nfd);
        return 0;
      };
      const mknod = fs.node_ops.mknod;
      fs.node_ops.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & PRIVATE, dev);
      const setAttr = fs.doSetAttr;
      fs.doSetAttr = (fd, node, attr, ...rest) =>
        setAttr(fd, node, attr.mode === undefined ? attr : { ...attr, mode: attr.mode & PRIVATE }, ...rest);
    };
    result.emscriptenOpts.preRun = [harden, ...preRun];
    return result;
  }
}

/** Owner-only modes on a tree made before this fix (or copied in with other modes). */
export function makePrivate(folder: string): void {
  chmodSync(folder, 0o700);
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(full, 0o700);
    else if (entry.isFile()) chmodSync(full, 0o600);
  }
}

/** True when `folder` holds no PostgreSQL cluster yet (a first start). */
export function isEmptyDataFolder(folder: string): boolean {
  return !existsSync(path.join(folder, 'PG_VERSION'));
}

/**
 * Copies a cleanly shut-down data folder (server/seed/snapshot.ts) into an empty one, PG_VERSION
 * last: a copy cut short leaves the folder "empty", so the next start copies again. Then every file
 * is flushed, so a start acknowledged on the copy survives a crash.
 */
function copySnapshot(from: string, folder: string): void {
  const version = path.join(folder, 'PG_VERSION');
  cpSync(from, folder, { recursive: true, filter: (src) => src !== path.join(from, 'PG_VERSION') });
  makePrivate(folder);
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile() || entry.isDirectory()) flush(path.join(entry.parentPath, entry.name));
  copyFileSync(path.join(from, 'PG_VERSION'), version);
  chmodSync(version, 0o600);
  flush(version);
  flush(folder);
}

function flush(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface EmbeddedDatabase {
  client: PGlite;
  lock: FolderLock;
}

/**
 * Locks `folder`, makes it private, and opens PGlite on it with durable commits. `purpose` names the
 * opener in the lock, for the message another process gets ("npm start", "import", …).
 */
export async function openEmbedded(
  folder: string,
  purpose: string,
  restore?: string,
): Promise<EmbeddedDatabase> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const lock = lockDataFolder(folder, purpose);
  try {
    makePrivate(folder);
    if (restore && isEmptyDataFolder(folder)) copySnapshot(restore, folder);
    const client = new PGlite({ fs: new SafeNodeFS(folder), startParams: DURABLE_START });
    await client.waitReady;
    return { client, lock };
  } catch (e) {
    lock.release();
    throw e;
  }
}
