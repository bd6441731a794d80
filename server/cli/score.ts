// npm run score -- --methodology FILE --data FILE … (see score/run.ts for the options and exit codes).

import { readFileSync, writeFileSync } from 'node:fs';
import { runScore } from './score/run.js';

process.exitCode = runScore(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text) => writeFileSync(path, text),
  isTTY: process.stderr.isTTY === true,
});
