// A throwaway PostgreSQL server of the test's own, for outage tests that stop and restart it (never
// the shared server behind TEST_DATABASE_URL). Runs as user postgres when the tests run as root.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions)
    if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  return null;
}

export interface PgServer {
  url: string;
  port: number;
  /** pg_ctl stop with the given mode (immediate = crash-like, fast = clean). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

export const pgServerAvailable = (): boolean => pgBin() !== null;

export function startPgServer(port: number): PgServer {
  const bin = pgBin();
  if (!bin)
    throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  const dir = mkdtempSync(path.join(tmpdir(), 'pg-outage-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  run('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`;
  const server: PgServer = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/log`, '-w', '-o', opts, 'start']),
    stop: (mode = 'fast') => run('pg_ctl', ['-D', `${dir}/data`, '-m', mode, '-w', 'stop']),
    destroy: () => {
      try {
        server.stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
