import { createInterface } from 'node:readline';

/**
 * Reads one line from standard input. On a terminal the typing is not echoed; from a pipe
 * (scripts, tests) the line is read as is, so a password never has to go on the command line.
 */
export function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  const tty = input.isTTY === true;
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, output: tty ? process.stderr : undefined, terminal: tty });
    if (tty) {
      process.stderr.write(prompt);
      // Swallow echo: readline writes through _writeToOutput.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    }
    rl.once('line', (line) => {
      if (tty) process.stderr.write('\n');
      rl.close();
      resolve(line);
    });
    rl.once('close', () => reject(new Error('no password given on standard input')));
  });
}

/** Lines from a pipe, read once and handed out in order (readline drops buffered lines on close). */
export async function readPipedLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}
