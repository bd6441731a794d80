import type { Localized } from '#api/text.js';

// Survey collection: codes, survey windows, survey editions, paper and phone import (server/collection/).
export const COLLECTION_MESSAGES = {
  unknown_code: {
    vi: 'Mã khảo sát không đúng hoặc không thuộc kỳ khảo sát này',
    en: 'The survey code is wrong or belongs to another survey',
  },
  code_used: {
    vi: 'Mã khảo sát này đã được dùng để gửi phiếu',
    en: 'This survey code has already been used to submit a response',
  },
  'code_used.field': { vi: 'Mã đã được dùng', en: 'Code already used' },
  code_required: { vi: 'Cần nhập mã khảo sát', en: 'A survey code is required' },
  survey_closed: {
    vi: 'Kỳ khảo sát đã đóng ngày {date}; không nhận thêm phiếu',
    en: 'The survey closed on {date}; no more responses are accepted',
  },
  survey_not_open: {
    vi: 'Kỳ khảo sát chưa mở; bắt đầu nhận phiếu từ ngày {date}',
    en: 'The survey is not open yet; it opens on {date}',
  },
  slug_taken: { vi: 'Tên "{slug}" đã được dùng', en: 'The slug "{slug}" is already taken' },
  unknown_family: { vi: 'Không có bộ chỉ số "{family}"', en: 'No index family "{family}"' },
  edition_exists: {
    vi: 'Năm {year} đã có kỳ khảo sát',
    en: 'A survey edition for {year} already exists',
  },
  'not_found.survey_edition': { vi: 'Không có kỳ khảo sát "{slug}"', en: 'No survey edition "{slug}"' },
  edition_mismatch: {
    vi: 'Năm của bộ câu hỏi ({definitionYear}) khác năm của kỳ khảo sát ({year})',
    en: "The definition's edition ({definitionYear}) differs from the survey year ({year})",
  },
  window_reversed: {
    vi: 'Ngày đóng phải sau ngày mở',
    en: 'The closing date must not precede the opening date',
  },
  missing_units: {
    vi: 'Thiếu danh sách đơn vị của khối "{block}"',
    en: 'The unit list of block "{block}" is missing',
  },
  'unknown_unit.edition': {
    vi: 'Khối "{block}" không có đơn vị "{unit}"',
    en: 'Block "{block}" has no unit "{unit}"',
  },
  breaking_changes: {
    vi: 'Bộ câu hỏi thay đổi {count} câu hỏi so với kỳ trước theo cách không so sánh được giữa các năm. Sửa lại, hoặc gửi "acceptBreakingChanges": true để chấp nhận (sẽ được ghi lại).',
    en: 'The definition changes {count} {count|item|items} from the previous edition in ways that break year-on-year comparison. Fix them, or send "acceptBreakingChanges": true to accept them (this is recorded).',
  },
  unknown_column: {
    vi: 'Cột "{column}" không có trong mẫu nhập của kỳ khảo sát này',
    en: 'Column "{column}" is not in this edition\'s import template',
  },
  missing_column: {
    vi: 'Thiếu cột "{column}" (mã khảo sát)',
    en: 'The "{column}" column (survey code) is missing',
  },
  formula: {
    vi: 'Ô chứa công thức; hãy nhập giá trị',
    en: 'The cell holds a formula; enter the value instead',
  },
  invalid_channel: {
    vi: 'Kênh phải là paper (giấy) hoặc phone (điện thoại)',
    en: 'The channel must be paper or phone',
  },
  duplicate_code: { vi: 'Mã khảo sát trùng với dòng {line}', en: 'The survey code repeats line {line}' },
  'unknown_code.import': {
    vi: 'Mã khảo sát không thuộc kỳ khảo sát này',
    en: 'The survey code does not belong to this survey',
  },
  'code_used.import': { vi: 'Mã khảo sát đã được dùng', en: 'The survey code has already been used' },
  import_failed: {
    vi: 'Không nhập tệp: {count} lỗi (dòng {line}, {column}: {first}). Không có dòng nào được lưu.',
    en: 'File not imported: {count} {count|error|errors} (line {line}, {column}: {first}). No row was stored.',
  },
  missing_file: {
    vi: 'Gửi tệp CSV (text/csv) hoặc XLSX ({type}) làm nội dung yêu cầu',
    en: 'Send a CSV (text/csv) or XLSX ({type}) file as the request body',
  },
  import_unreadable: {
    vi: 'Không đọc được tệp (dòng {line}): {reason}',
    en: 'Cannot read the file (line {line}): {reason}',
  },
} as const satisfies Record<string, Localized>;
