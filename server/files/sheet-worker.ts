// Worker entry: parses one uploaded CSV/XLSX off the main thread (see read-sheet.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvBuffer, readXlsxBuffer, SheetError } from '#server/collection/import-read.js';

const { bytes, kind } = workerData as { bytes: Uint8Array; kind: 'csv' | 'xlsx' };
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
try {
  const sheet = kind === 'xlsx' ? await readXlsxBuffer(buffer) : readCsvBuffer(buffer);
  parentPort!.postMessage({ ok: true, sheet });
} catch (e) {
  if (e instanceof SheetError) parentPort!.postMessage({ ok: false, line: e.line, message: e.message });
  else throw e;
}
