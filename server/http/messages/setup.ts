import type { Localized } from '#api/text.js';

// Families, blocks, units, lineage and their CSV imports, and the national commune table (server/setup/).
export const SETUP_MESSAGES = {
  'not_found.family': { vi: 'Không có bộ chỉ số "{family}"', en: 'No index family "{family}"' },
  'not_found.block': { vi: 'Không có khối "{block}"', en: 'No block "{block}"' },
  'not_found.unit': { vi: 'Không có đơn vị "{unit}"', en: 'No unit "{unit}"' },
  'already_exists.family': { vi: 'Bộ chỉ số "{value}" đã có', en: 'The family "{value}" already exists' },
  'already_exists.block': { vi: 'Khối "{value}" đã có', en: 'The block "{value}" already exists' },
  'already_exists.unit': { vi: 'Đơn vị "{value}" đã có', en: 'The unit "{value}" already exists' },
  range_reversed: {
    vi: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
    en: 'The end of validity must not precede its start',
  },
  abolish_has_target: {
    vi: 'Sự kiện giải thể không có đơn vị kế tiếp',
    en: 'An abolition has no successor unit',
  },
  missing_target: {
    vi: 'Cần đơn vị kế tiếp (to) cho sự kiện này',
    en: 'This event needs a successor unit (to)',
  },
  'unknown_unit.block': {
    vi: 'Không có đơn vị "{unit}" trong khối "{block}"',
    en: 'No unit "{unit}" in block "{block}"',
  },
  same_unit: { vi: 'Đơn vị trước và sau trùng nhau', en: 'The unit before and after are the same' },
  'missing_file.csv': {
    vi: 'Gửi tệp CSV (Content-Type: text/csv) làm nội dung yêu cầu',
    en: 'Send the CSV file (Content-Type: text/csv) as the request body',
  },
  not_utf8: {
    vi: 'Tệp không phải UTF-8. Trong Excel chọn "Lưu thành… CSV UTF-8" rồi tải lên lại.',
    en: 'The file is not UTF-8. In Excel choose "Save as… CSV UTF-8" and upload it again.',
  },
  csv_syntax: { vi: 'Lỗi CSV ở dòng {line}: {reason}', en: 'CSV error on line {line}: {reason}' },
  bad_header: {
    vi: 'Dòng tiêu đề cần các cột {columns}{missing}{unknown}',
    en: 'The header needs the columns {columns}{missing}{unknown}',
  },
  'bad_header.missing': { vi: '; thiếu: {columns}', en: '; missing: {columns}' },
  'bad_header.unknown': { vi: '; không rõ: {columns}', en: '; unknown: {columns}' },
  'unknown_block.row': { vi: 'Không có khối "{block}"', en: 'No block "{block}"' },
  'invalid_code.unit': {
    vi: 'Mã đơn vị gồm chữ, số, "_", "-" hoặc "."',
    en: 'A unit code is letters, digits, "_", "-" or "."',
  },
  'required.column': { vi: 'Thiếu {column}', en: '{column} is empty' },
  'invalid_date.row': {
    vi: '"{value}" không phải ngày YYYY-MM-DD',
    en: '"{value}" is not a date YYYY-MM-DD',
  },
  'range_reversed.row': { vi: 'Ngày hết hiệu lực trước ngày bắt đầu', en: 'valid_to precedes valid_from' },
  'duplicate.row': { vi: '"{value}" lặp lại trong tệp', en: '"{value}" appears twice in the file' },
  'invalid_option.event': { vi: 'Sự kiện phải là: {options}', en: 'The event must be one of: {options}' },
  'unknown_unit.row': { vi: 'Không có đơn vị "{unit}"', en: 'No unit "{unit}"' },
  unknown_province: {
    vi: 'Bảng không có tỉnh mã "{province}" (mã 2 chữ số sau 1/7/2025, ví dụ 22 = Quảng Ninh)',
    en: 'The table has no province "{province}" (2-digit code after 1 July 2025, e.g. 22 = Quảng Ninh)',
  },
  same_block: { vi: 'Khối cũ và khối mới phải khác nhau', en: 'The old and new blocks must differ' },
  'invalid_geojson.type': {
    vi: 'Cần một GeoJSON FeatureCollection',
    en: 'Expected a GeoJSON FeatureCollection',
  },
  'invalid_geojson.count': { vi: 'Cần 1–{limit} vùng', en: 'Expected 1–{limit} features' },
  'invalid_geojson.geometry': {
    vi: 'Mỗi vùng là Feature có hình Polygon hoặc MultiPolygon',
    en: 'Each feature must be a Feature with a Polygon or MultiPolygon geometry',
  },
  'invalid_geojson.code_property': {
    vi: 'Không thấy thuộc tính mã đơn vị ({keys}); hãy chỉ rõ codeProperty',
    en: 'No unit-code property found ({keys}); name it in codeProperty',
  },
  'invalid_geojson.no_match': {
    vi: 'Không vùng nào khớp mã đơn vị của khối "{block}" (thuộc tính "{key}")',
    en: 'No feature matches a unit code of block "{block}" (property "{key}")',
  },
} as const satisfies Record<string, Localized>;
