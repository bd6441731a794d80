// Uploaded spreadsheets are parsed in a worker thread with a memory cap and a time limit, so a
// hostile file (an 800k-row XLSX used to block every request for 8.5 s and leave 1.65 GB resident)
// gets a 413/422 and never stalls other requests; the worker's memory is returned when it exits.
import { Worker } from 'node:worker_threads';
import { SheetError, type Sheet } from '#server/collection/import-read.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

export const PARSE_LIMITS = { maxHeapMb: 384, timeoutMs: 30_000, concurrent: 2 };

let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARSE_LIMITS.concurrent) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const tooBig = (): HttpError =>
  new HttpError(413, 'file_too_large', serverMessage('file_too_large', { limit: PARSE_LIMITS.maxHeapMb }));

const tooSlow = (): HttpError =>
  new HttpError(
    422,
    'file_too_slow',
    serverMessage('file_too_slow', { seconds: PARSE_LIMITS.timeoutMs / 1000 }),
  );

function parseInWorker(buffer: Buffer, kind: 'csv' | 'xlsx'): Promise<Sheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./sheet-worker.mjs', import.meta.url), {
      workerData: { bytes: new Uint8Array(buffer), kind },
      resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(tooSlow())), PARSE_LIMITS.timeoutMs);
    worker.on('message', (m: { ok: true; sheet: Sheet } | { ok: false; line: number; message: string }) =>
      settle(() => (m.ok ? resolve(m.sheet) : reject(new SheetError(m.line, m.message)))),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : err)),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the file reader stopped (exit ${code})`))));
  });
}

/** readSheet(buffer, kind) — the parsed sheet; SheetError for a bad file, HttpError 413/422 past the limits. */
export function readSheet(buffer: Buffer, kind: 'csv' | 'xlsx'): Promise<Sheet> {
  return slot(() => parseInWorker(buffer, kind));
}
