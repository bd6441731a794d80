import { expect } from 'chai';
import { spawn } from 'node:child_process';
import fs, { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '#server/db/client.js';
import { DataFolderLockedError, LOCK_FILE } from '#server/db/lock.js';

const TSX = path.resolve('node_modules/.bin/tsx');

function modes(folder: string): { files: Set<string>; dirs: Set<string> } {
  const files = new Set<string>();
  const dirs = new Set<string>([(statSync(folder).mode & 0o777).toString(8)]);
  for (const e of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const mode = (statSync(path.join(e.parentPath, e.name)).mode & 0o777).toString(8);
    (e.isDirectory() ? dirs : files).add(mode);
  }
  return { files, dirs };
}

/** A child process that opens the folder and waits; resolves once it holds the lock. */
function holder(folder: string) {
  // node itself, not the tsx wrapper, so that the PID in the lock is this child's and kill -9 hits it.
  const script = path.resolve('test/server/harden/fixtures/hold-folder.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, folder], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const held = new Promise<void>((resolve) =>
    child.stdout!.on('data', (d) => String(d).includes('held') && resolve()),
  );
  return { child, held };
}

describe('embedded database safety (PGlite data folder)', function () {
  this.timeout(120_000);
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'embedded-')), 'db');
  let database: Database | undefined;
  let previousUmask = 0;

  before(() => {
    previousUmask = process.umask(0); // the worst case: everything would be created 0666/0777
  });
  after(async () => {
    process.umask(previousUmask);
    await database?.close();
  });

  it('openDatabase({dataDir}) keeps the folder 0700 and every file 0600 even with umask 0', async () => {
    database = await openDatabase({ dataDir: folder, purpose: 'test' });
    await database.migrate();
    await database.db.execute(sql`create table t (id serial primary key, v text)`);
    await database.db.execute(sql`insert into t (v) select 'x' from generate_series(1, 1000)`);
    await database.db.execute(sql`checkpoint`);
    const { files, dirs } = modes(folder);
    expect([...files]).to.deep.equal(['600']);
    expect([...dirs]).to.deep.equal(['700']);
  });

  it('a commit on the embedded database reaches fsync (fsync=on, wal_sync_method=fsync)', async () => {
    const settings = await database!.db.execute<{ fsync: string }>(sql`show fsync`);
    expect(JSON.stringify(settings)).to.include('"on"');
    const real = fs.fsyncSync;
    let calls = 0;
    fs.fsyncSync = (fd) => {
      calls++;
      real(fd);
    };
    syncBuiltinESMExports();
    try {
      for (let i = 0; i < 5; i++) await database!.db.execute(sql`insert into t (v) values ('y')`);
    } finally {
      fs.fsyncSync = real;
      syncBuiltinESMExports();
    }
    expect(calls).to.be.at.least(5);
  });

  it('a second open of the same folder in this process is refused with DataFolderLockedError', async () => {
    const err = await openDatabase({ dataDir: folder }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(DataFolderLockedError);
    expect((err as Error).message).to.match(/in use by process \d+ \(test, since/);
    expect((err as Error).message).to.include('stop that server first');
  });

  it('close() releases the lock, so the folder can be opened again', async () => {
    await database!.close();
    database = undefined;
    expect(fs.existsSync(path.join(folder, LOCK_FILE))).to.equal(false);
  });

  it('another process holding the folder makes `npm run import` refuse with a message naming it; after kill -9 the lock is taken over', async () => {
    const h = holder(folder);
    await h.held;
    const cli = spawn(TSX, ['server/cli/import.ts', 'pci-history', 'nofile.csv'], {
      env: { ...process.env, DB_DIR: folder, NODE_V8_COVERAGE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    cli.stdout!.on('data', (d) => (out += String(d)));
    cli.stderr!.on('data', (d) => (out += String(d)));
    const code = await new Promise<number | null>((r) => cli.on('exit', r));
    expect(code).to.equal(1);
    expect(out).to.include(`in use by process ${h.child.pid} (holder`);
    h.child.kill('SIGKILL');
    await new Promise((r) => h.child.on('exit', r));
    database = await openDatabase({ dataDir: folder, purpose: 'test after kill' });
    await database.ping();
  });
});
