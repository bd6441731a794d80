import type { Localized } from '#api/text.js';

// Transport, stored-text and uploaded-file errors: malformed encodings, text PostgreSQL cannot
// store, files too big or too slow to read, and the database not answering a health check.
export const TRANSPORT_MESSAGES = {
  unsupported_content_encoding: {
    vi: 'Content-Encoding không được hỗ trợ; hãy gửi dữ liệu không nén hoặc nén gzip, deflate, br',
    en: 'Unsupported Content-Encoding; send the body uncompressed or as gzip, deflate or br',
  },
  bad_content_encoding: {
    vi: 'Nội dung không khớp với Content-Encoding đã khai báo (không giải nén được)',
    en: 'The body does not match its Content-Encoding (it cannot be decompressed)',
  },
  unsupported_charset: {
    vi: 'Bảng mã (charset) không được hỗ trợ; hãy gửi UTF-8',
    en: 'Unsupported charset; send UTF-8',
  },
  bad_percent_encoding: {
    vi: 'Đường dẫn có mã phần trăm (%) không hợp lệ',
    en: 'The URL has malformed percent-encoding',
  },
  nul_character: {
    vi: 'Văn bản chứa ký tự NUL (U+0000), không lưu được; hãy xóa ký tự đó',
    en: 'The text contains a NUL character (U+0000), which cannot be stored; remove it',
  },
  unpaired_surrogate: {
    vi: 'Văn bản chứa một ký tự bị cắt dở (nửa cặp UTF-16, ví dụ biểu tượng cảm xúc bị cắt); hãy gõ lại',
    en: 'The text contains a broken character (half a UTF-16 pair, e.g. a truncated emoji); type it again',
  },
  invalid_text: {
    vi: 'Dữ liệu chứa văn bản không lưu được ({total} chỗ), đầu tiên ở {path}: {first}',
    en: 'The request holds text that cannot be stored ({total} {total|place|places}), first at {path}: {first}',
  },
  file_too_large: {
    vi: 'Tệp cần quá nhiều bộ nhớ để đọc (giới hạn {limit} MB); hãy chia thành các tệp nhỏ hơn',
    en: 'The file needs too much memory to read (limit {limit} MB); split it into smaller files',
  },
  file_too_slow: {
    vi: 'Đọc tệp mất quá {seconds} giây; hãy chia thành các tệp nhỏ hơn',
    en: 'Reading the file took longer than {seconds} s; split it into smaller files',
  },
  'database_unavailable.health': {
    vi: 'Cơ sở dữ liệu không phản hồi',
    en: 'The database is not answering',
  },
  'database_busy.health': {
    vi: 'Cơ sở dữ liệu đang quá tải: mọi kết nối đều đang bận',
    en: 'The database is busy: every connection is in use',
  },
} as const satisfies Record<string, Localized>;
