// Malformed transport — a body that does not match its Content-Encoding, an encoding or charset the
// server does not speak, percent-encoding that does not decode — is the client's fault: 400 with a
// message saying what to fix, never a 500. body-parser, zlib and Express's router raise these in
// their own shapes; they are recognised here.
import { HttpError } from './errors.js';
import { serverMessage } from './messages.js';

interface RawError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  name?: string;
}

const ZLIB = /^Z_(DATA|BUF|STREAM|NEED_DICT)_ERROR$|^ERR_(ZLIB|BROTLI)/;

export function transportError(err: unknown): HttpError | null {
  if (err === null || typeof err !== 'object') return null;
  const e = err as RawError;
  if (e.type === 'encoding.unsupported')
    return new HttpError(400, 'unsupported_content_encoding', serverMessage('unsupported_content_encoding'));
  if (typeof e.code === 'string' && ZLIB.test(e.code))
    return new HttpError(400, 'bad_content_encoding', serverMessage('bad_content_encoding'));
  if (e.type === 'charset.unsupported')
    return new HttpError(400, 'unsupported_charset', serverMessage('unsupported_charset'));
  if (e.name === 'URIError' || err instanceof URIError)
    return new HttpError(400, 'bad_percent_encoding', serverMessage('bad_percent_encoding'));
  return null;
}
