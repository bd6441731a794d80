import type { Localized } from '#api/text.js';

// Service centres' delivery figures and their CSV/XLSX import (server/delivery/).
export const DELIVERY_MESSAGES = {
  'unknown_column.delivery': {
    vi: 'Cột "{column}" không thuộc mẫu số liệu phục vụ ({columns})',
    en: 'Column "{column}" is not in the delivery-data template ({columns})',
  },
  'missing_column.delivery': { vi: 'Thiếu cột "{column}"', en: 'The "{column}" column is missing' },
  invalid_share: {
    vi: 'Tỷ lệ phải từ 0 đến 1 (ví dụ 0,95) hoặc phần trăm có dấu % (ví dụ 95%)',
    en: 'A share must be between 0 and 1 (e.g. 0.95) or a percentage with % (e.g. 95%)',
  },
  invalid_month: {
    vi: 'Tháng "{month}" không hợp lệ; viết dạng NNNN-TT, ví dụ 2026-03',
    en: 'Month "{month}" is not valid; write it as YYYY-MM, e.g. 2026-03',
  },
  future_month: { vi: 'Tháng {month} chưa bắt đầu', en: 'Month {month} has not started yet' },
  ambiguous_centre: {
    vi: 'Mã "{code}" có ở nhiều khối; thêm cột block',
    en: 'Code "{code}" exists in several blocks; add a block column',
  },
  unknown_centre: {
    vi: 'Không có trung tâm mã "{code}" trong bộ chỉ số này',
    en: 'No centre with code "{code}" in this index family',
  },
  centre_not_valid: {
    vi: 'Trung tâm "{code}" không hoạt động trong tháng {month} (hiệu lực {from} – {to})',
    en: 'Centre "{code}" did not exist in {month} (valid {from} – {to})',
  },
  invalid_count: {
    vi: 'Số hồ sơ tiếp nhận phải là số nguyên không âm',
    en: 'Procedures received must be a whole number, zero or more',
  },
  no_values: { vi: 'Dòng không có số liệu nào', en: 'The row has no figures' },
  duplicate_row: {
    vi: 'Trung tâm và tháng này trùng với dòng {line}',
    en: 'This centre and month repeat line {line}',
  },
} as const satisfies Record<string, Localized>;
