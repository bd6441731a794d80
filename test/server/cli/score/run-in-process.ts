// The score command in-process (runScore with an io that reads the repository, or in-memory files first, and
// records what it writes), shared by the CLI tests.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { runScore, type ScoreIo } from '#server/cli/score/run.js';

export const root = fileURLToPath(new URL('../../../../', import.meta.url));

export function runInProcess(args: string[], files: Record<string, string> = {}, isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: ScoreIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: (path) => files[path] ?? readFileSync(new URL(path, `file://${root}`), 'utf8'),
    writeText: (path, text) => (written[path] = text),
    isTTY,
  };
  const code = runScore(args, io);
  return { code, stdout: out.join(''), stderr: err.join(''), written };
}

export const csvRows = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];
