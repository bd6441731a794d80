// The exclusive lock on an embedded database folder. PGlite has one process and no lock of its own:
// two processes on one folder (a second `npm start`, or `npm run import` next to a running server)
// each keep their own buffers and overwrite each other's pages, losing acknowledged writes and
// corrupting indexes. Every opener of a data folder takes this lock first.
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'ddci.lock';

interface Holder {
  pid: number;
  host: string;
  /** The holder's start time in clock ticks since boot (Linux), so a reused PID is not mistaken for it. */
  started: string | null;
  purpose: string;
  since: string;
}

export interface FolderLock {
  readonly file: string;
  /** Removes the lock file (idempotent); also runs when the process exits normally. */
  release(): void;
}

/** Raised when another live process (or this one) already holds the folder. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: Holder,
  ) {
    super(
      `The embedded database in ${folder} is in use by process ${holder.pid}` +
        ` (${holder.purpose}, since ${holder.since}${holder.host === hostname() ? '' : ` on ${holder.host}`}).` +
        ' Only one process may open it at a time: stop that server first, or do this through the' +
        ' running server\'s HTTP API (see README.md, "Embedded database").\n' +
        `Cơ sở dữ liệu nhúng trong ${folder} đang được tiến trình ${holder.pid} sử dụng. Mỗi lúc chỉ một` +
        ' tiến trình được mở: hãy dừng máy chủ đó trước, hoặc thực hiện qua API HTTP của máy chủ đang chạy.',
    );
    this.name = 'DataFolderLockedError';
  }
}

const held = new Map<string, string>();

function startTime(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so split after ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder, file: string): boolean {
  if (holder.host !== hostname()) return true; // cannot tell: assume a shared folder in use
  if (holder.pid === process.pid) return held.get(file) !== undefined;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const now = startTime(holder.pid);
  return holder.started === null || now === null || now === holder.started;
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null; // vanished, or a torn write by a process killed while creating it
  }
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * lockDataFolder(folder, purpose) takes the folder for this process or throws DataFolderLockedError
 * naming the holder. A lock left by a process that died (kill -9, power loss) is taken over at once:
 * the holder's PID and start time show it is gone. `purpose` says who holds it ("npm start", "import").
 */
export function lockDataFolder(folder: string, purpose: string): FolderLock {
  const file = path.join(path.resolve(folder), LOCK_FILE);
  const mine: Holder = {
    pid: process.pid,
    host: hostname(),
    started: startTime(process.pid),
    purpose,
    since: new Date().toISOString(),
  };
  const content = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!held.has(file) && tryCreate(file, content)) return register(file, content);
    const holder = readHolder(file);
    if (holder && isAlive(holder, file)) throw new DataFolderLockedError(path.dirname(file), holder);
    // Stale: move it aside atomically (only one taker succeeds), then compete for a fresh create.
    try {
      renameSync(file, `${file}.stale-${process.pid}`);
      unlinkSync(`${file}.stale-${process.pid}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  throw new Error(`could not take the lock ${file}; remove it if no server is running`);
}

function register(file: string, content: string): FolderLock {
  held.set(file, content);
  const release = (): void => {
    if (held.get(file) !== content) return;
    held.delete(file);
    process.off('exit', release);
    try {
      if (readFileSync(file, 'utf8') === content) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { file, release };
}
