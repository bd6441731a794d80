import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const client = fileURLToPath(new URL('../../../client/', import.meta.url));
const catalogue = path.join(client, 'xliff/vi.xlf');

const units = (xliff: string) =>
  [...xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map((m) => ({
    id: m[1]!,
    target: /<target>([\s\S]*?)<\/target>/.exec(m[2]!)?.[1]?.trim() ?? '',
  }));

describe('client/xliff/vi.xlf (the Vietnamese catalogue)', function () {
  this.timeout(60_000);

  it('lit-localize extract over the client source finds no message missing from the catalogue', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xliff-'));
    cpSync(catalogue, path.join(dir, 'vi.xlf'));
    const config = JSON.parse(readFileSync(path.join(client, 'lit-localize.json'), 'utf8'));
    config.interchange.xliffDir = dir;
    // lit-localize reads input paths relative to the config file, outputs relative to the cwd.
    config.tsConfig = path.join(client, '../tsconfig.json');
    config.inputFiles = config.inputFiles.map((glob: string) => path.join(client, glob));
    const configFile = path.join(dir, 'lit-localize.json');
    writeFileSync(configFile, JSON.stringify(config));
    const bin = fileURLToPath(new URL('../../../node_modules/.bin/lit-localize', import.meta.url));
    execFileSync(bin, ['extract', '--config', configFile], { cwd: client, stdio: 'pipe' });
    const fresh = units(readFileSync(path.join(dir, 'vi.xlf'), 'utf8')).map((u) => u.id);
    const committed = new Set(units(readFileSync(catalogue, 'utf8')).map((u) => u.id));
    expect(
      fresh.filter((id) => !committed.has(id)),
      'run npm run i18n:extract',
    ).to.deep.equal([]);
  });

  it('every message in the catalogue has a Vietnamese target', () => {
    const missing = units(readFileSync(catalogue, 'utf8')).filter((u) => u.target === '');
    expect(
      missing.map((u) => u.id),
      'fill in <target> in client/xliff/vi.xlf',
    ).to.deep.equal([]);
  });
});
