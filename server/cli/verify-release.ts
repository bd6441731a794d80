// npm run verify-release -- FILE [--signature F] [--key F]: offline check of a release's Ed25519 signature.
import { runVerify } from '#server/releases/verify.js';

process.exitCode = runVerify(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
