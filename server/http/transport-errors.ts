// Malformed transport — a body that does not match its Content-Encoding, an encoding or charset the
// server does not speak, percent-encoding that does not decode — is the client's fault: 400 with a
// message saying what to fix, never a 500. body-parser, zlib and Express's router raise these in
// their own shapes; they are recognised here.
import { HttpError } from './errors.js';

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
    return new HttpError(400, 'unsupported_content_encoding', {
      vi: 'Content-Encoding không được hỗ trợ; hãy gửi dữ liệu không nén hoặc nén gzip, deflate, br',
      en: 'Unsupported Content-Encoding; send the body uncompressed or as gzip, deflate or br',
    });
  if (typeof e.code === 'string' && ZLIB.test(e.code))
    return new HttpError(400, 'bad_content_encoding', {
      vi: 'Nội dung không khớp với Content-Encoding đã khai báo (không giải nén được)',
      en: 'The body does not match its Content-Encoding (it cannot be decompressed)',
    });
  if (e.type === 'charset.unsupported')
    return new HttpError(400, 'unsupported_charset', {
      vi: 'Bảng mã (charset) không được hỗ trợ; hãy gửi UTF-8',
      en: 'Unsupported charset; send UTF-8',
    });
  if (e.name === 'URIError' || err instanceof URIError)
    return new HttpError(400, 'bad_percent_encoding', {
      vi: 'Đường dẫn có mã phần trăm (%) không hợp lệ',
      en: 'The URL has malformed percent-encoding',
    });
  return null;
}
