import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { ESLint } from 'eslint';

const run = promisify(execFile);

/** tsc -b over a fixture project; resolves to its diagnostics (the fixtures are meant to fail). */
async function tscErrors(config: string): Promise<string> {
  try {
    await run('npx', ['tsc', '-b', config], { cwd: process.cwd() });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

const eslint = new ESLint({ cwd: process.cwd() });
/** Rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layering is enforced by the tools', function () {
  this.timeout(240_000);

  it('tsc rejects Node globals and the DOM in the pure packages (api, scoring, surveys)', async () => {
    const out = await tscErrors('test/tooling/fixtures/tsconfig.pure.json');
    expect(out).to.match(/pure-node\.ts\(2,\d+\): error TS2591: Cannot find name 'process'/);
    expect(out).to.match(/pure-node\.ts\(3,\d+\): error TS2591: Cannot find name 'Buffer'/);
    expect(out).to.match(/pure-dom\.ts\(2,\d+\): error TS2584: Cannot find name 'document'/);
  });

  it('tsc rejects Node globals and server imports in the client', async () => {
    const out = await tscErrors('test/tooling/fixtures/tsconfig.client.json');
    expect(out).to.match(/client-node\.ts\(2,\d+\): error TS2591: Cannot find name 'process'/);
    expect(out).to.match(
      /client-server\.ts\(2,\d+\): error TS6307: File '.*server\/http\/errors\.ts' is not listed/,
    );
  });

  for (const folder of ['api', 'scoring', 'surveys']) {
    it(`eslint rejects node:* modules, Node globals, server code and ../ paths in ${folder}/`, async () => {
      const file = `${folder}/__bad__.ts`;
      expect(
        await lint(file, "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"),
      ).to.include('no-restricted-imports');
      expect(await lint(file, "import { join } from 'path';\nexport const j = join;\n")).to.include(
        'no-restricted-imports',
      );
      expect(await lint(file, 'export const env = process.env.X;\n')).to.include('no-restricted-globals');
      expect(
        await lint(file, "import type { Db } from '#server/db/client.js';\nexport type D = Db;\n"),
      ).to.include('no-restricted-imports');
      expect(await lint(file, "import express from 'express';\nexport const e = express;\n")).to.include(
        'no-restricted-imports',
      );
      expect(await lint(file, "import { x } from '../api/x.js';\nexport const y = x;\n")).to.include(
        'no-restricted-imports',
      );
      expect(
        await lint(file, "import type { Lang } from '#api/text.js';\nexport type L = Lang;\n"),
      ).to.deep.equal([]);
    });
  }

  it('eslint lets the client import only api/, surveys/, scoring/ and itself', async () => {
    const file = 'client/src/shared/__bad__.ts';
    for (const bad of ['#server/http/errors.js', '#test/support/db.js', '#bench/scoring.js', 'node:crypto']) {
      expect(await lint(file, `import type { X } from '${bad}';\nexport type Y = X;\n`), bad).to.include(
        'no-restricted-imports',
      );
    }
    expect(await lint(file, 'export const b = Buffer.from("x");\n')).to.include('no-restricted-globals');
    for (const good of [
      '#api/text.js',
      '#surveys/types.js',
      '#scoring/types.js',
      '#client/src/shared/api.js',
      'lit',
    ]) {
      expect(await lint(file, `import type { X } from '${good}';\nexport type Y = X;\n`), good).to.deep.equal(
        [],
      );
    }
  });

  it('eslint rejects ../ imports in server code too', async () => {
    expect(
      await lint('server/http/__bad__.ts', "import { x } from '../db/client.js';\nexport const y = x;\n"),
    ).to.include('no-restricted-imports');
  });
});
