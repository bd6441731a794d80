import type { Localized } from '#api/text.js';

// Request schema errors (server/http/validate.ts) in the codes of survey response validation, and
// the envelope-level errors of the error middleware and body guard.
export const REQUEST_MESSAGES = {
  // request schema (server/http/validate.ts)
  not_an_object: {
    vi: 'Cần gửi một đối tượng JSON (Content-Type: application/json).',
    en: 'Send a JSON object (Content-Type: application/json).',
  },
  required: { vi: 'Thiếu trường bắt buộc "{name}".', en: 'The field "{name}" is required.' },
  unknown_key: { vi: 'Trường "{key}" không được hỗ trợ.', en: 'The field "{key}" is not allowed here.' },
  invalid_type: { vi: 'Giá trị phải là {expected}.', en: 'The value must be {expectedEn}.' },
  not_integer: { vi: 'Giá trị phải là số nguyên.', en: 'The value must be a whole number.' },
  invalid_option: {
    vi: 'Giá trị phải là một trong: {allowed}.',
    en: 'The value must be one of: {allowed}.',
  },
  below_minimum: { vi: 'Giá trị phải từ {limit} trở lên.', en: 'The value must be at least {limit}.' },
  above_maximum: { vi: 'Giá trị không được vượt quá {limit}.', en: 'The value must be at most {limit}.' },
  too_short: { vi: 'Cần ít nhất {limit} ký tự.', en: 'At least {limit} character(s) are needed.' },
  too_long: { vi: 'Dài quá {limit} ký tự.', en: 'Longer than {limit} characters.' },
  invalid_format: {
    vi: 'Giá trị "{value}" sai định dạng.',
    en: 'The value "{value}" is not in the expected format.',
  },
  invalid_date: {
    vi: '"{value}" không phải là ngày hợp lệ (YYYY-MM-DD).',
    en: '"{value}" is not a valid date (YYYY-MM-DD).',
  },
  too_few_items: { vi: 'Cần ít nhất {limit} phần tử.', en: 'At least {limit} item(s) are needed.' },
  too_many_items: { vi: 'Tối đa {limit} phần tử.', en: 'At most {limit} items are allowed.' },
  duplicate_item: { vi: 'Danh sách có phần tử bị trùng.', en: 'The list contains a duplicate.' },
  too_few_properties: { vi: 'Cần ít nhất {limit} mục.', en: 'At least {limit} entry(ies) are needed.' },
  too_many_properties: { vi: 'Tối đa {limit} mục.', en: 'At most {limit} entries are allowed.' },
  one_of: { vi: 'Cần gửi đúng một trong: {options}.', en: 'Send exactly one of: {optionsEn}.' },
  invalid_value: { vi: 'Giá trị không hợp lệ.', en: 'The value is not valid.' },
  // envelope-level errors (server/http/error-handler.ts, body-guard.ts)
  not_found_api: { vi: 'Không có API {method} {path}', en: 'No API endpoint {method} {path}' },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body is too large' },
  invalid_json: { vi: 'Dữ liệu gửi lên không phải JSON hợp lệ', en: 'Request body is not valid JSON' },
  bad_request: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  database_unavailable: {
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau {seconds} giây.',
    en: 'The database is temporarily unreachable. Please try again in {seconds} seconds.',
  },
  database_busy: {
    vi: 'Hệ thống đang quá tải, chưa xử lý được yêu cầu. Vui lòng thử lại sau {seconds} giây; dữ liệu chưa bị thay đổi.',
    en: 'The server is busy and could not handle the request. Please try again in {seconds} seconds; nothing was changed.',
  },
  internal_error: {
    vi: 'Lỗi máy chủ. Vui lòng thử lại sau.',
    en: 'Internal server error. Please try again later.',
  },
  forbidden_key: {
    vi: 'Khóa không được phép trong dữ liệu gửi lên: {path}',
    en: 'Forbidden key in request body: {path}',
  },
  too_deep: {
    vi: 'Dữ liệu gửi lên lồng nhau quá sâu (tối đa {limit} cấp) tại {path}',
    en: 'Request body is nested too deeply (at most {limit} levels) at {path}',
  },
  validation_failed: {
    vi: 'Dữ liệu không hợp lệ ({total} lỗi): {path} — {first}',
    en: 'Invalid data ({total} {total|error|errors}): {path} — {first}',
  },
  'validation_failed.empty': { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  json_required: {
    vi: 'Gửi JSON (Content-Type: application/json)',
    en: 'Send JSON (Content-Type: application/json)',
  },
} as const satisfies Record<string, Localized>;
