// Starts and kills the server child of the suites.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Child {
  proc: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** Exit code or signal of an exit nobody asked for (a crash). */
  unexpected: () => string | null;
}

const SCRIPT = path.resolve('test/suites/serve-child.ts');

export async function startChild(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, NODE_V8_COVERAGE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let expected = false;
  let crash: string | null = null;
  proc.stderr!.on('data', (d) => (out = (out + String(d)).slice(-4000)));
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code, signal) => {
      if (!expected) crash = `exit ${code ?? signal}: ${out.slice(-1000)}`;
      resolve(code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), timeoutMs);
    proc.stdout!.on('data', (d) => {
      const m = /Ready (\S+)/.exec(String(d));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => reject(new Error(`server exited at start: ${out}`)));
  });
  const child: Child = { proc, url, exited, unexpected: () => crash };
  const kill = proc.kill.bind(proc);
  proc.kill = (signal?: NodeJS.Signals | number) => {
    expected = true;
    return kill(signal);
  };
  return child;
}
