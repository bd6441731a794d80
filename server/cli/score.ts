// npm run score -- --methodology FILE --data FILE … scores a file (score/run.ts has the options and exit codes);
// npm run score -- --family F --edition YEAR … scores the responses stored in the database (score/from-db.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import { runScoreFromDb } from './score/from-db.js';
import { runScore } from './score/run.js';

const argv = process.argv.slice(2);
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  readText: (path: string) => readFileSync(path, 'utf8'),
  writeText: (path: string, text: string) => writeFileSync(path, text),
  isTTY: process.stderr.isTTY === true,
};

if (argv.some((a) => a === '--family' || a.startsWith('--family='))) {
  runScoreFromDb(argv, io).then((code) => (process.exitCode = code));
} else {
  process.exitCode = runScore(argv, io);
}
