// Brotli at its best quality for documents that many visitors fetch unchanged (the answering page of an
// edition: the same bytes for every respondent, ~135 KB of HTML, script and survey). Quality 11 is ~15 % smaller
// than the quality 4 the compression middleware uses for dynamic bodies (compress.ts), which is ~30 ms less on
// a slow phone network, but it costs ~0.4 s of CPU, so it is made once per distinct text, in the thread pool,
// while the first requests are answered by the middleware as usual.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const compress = promisify(brotliCompress);
const KEEP = 16;
const ready = new Map<string, Buffer>();
const making = new Map<string, Promise<Buffer>>();

const keyOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/** Compresses `text` once (later calls share the work); the result is kept for the next requests. */
export function precompress(text: string): Promise<Buffer> {
  const key = keyOf(text);
  const done = ready.get(key);
  if (done) return Promise.resolve(done);
  let job = making.get(key);
  if (!job) {
    const bytes = Buffer.from(text, 'utf8');
    job = compress(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).then((out) => {
      if (ready.size >= KEEP) ready.delete(ready.keys().next().value!);
      ready.set(key, out);
      return out;
    });
    job.finally(() => making.delete(key)).catch(() => {});
    making.set(key, job);
  }
  return job;
}

/** The brotli bytes of `text` if they are ready; otherwise undefined, and they are being made. */
export function precompressed(text: string): Buffer | undefined {
  const done = ready.get(keyOf(text));
  if (!done) void precompress(text).catch(() => undefined);
  return done;
}
