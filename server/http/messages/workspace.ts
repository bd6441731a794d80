import type { Localized } from '#api/text.js';

// The analyst workspace: edition states, code batches, methodology versions, publications (server/workspace/).
export const WORKSPACE_MESSAGES = {
  'validation_failed.version_edition': {
    vi: 'Phiên bản phương pháp thuộc kỳ khác',
    en: 'The methodology version belongs to another edition',
  },
  wrong_edition: { vi: 'Phiên bản thuộc kỳ khác', en: 'The version belongs to another edition' },
  'not_found.publication': { vi: 'Không có bản công bố này', en: 'No such publication' },
  'invalid_transition.publication': {
    vi: 'Bản công bố đang ở trạng thái {state}, cần {wanted}',
    en: 'The publication is {state}; it must be {wanted}',
  },
  releases_unavailable: {
    vi: 'Máy chủ chưa có khoá ký bản công bố',
    en: 'The server has no release-signing key configured',
  },
  four_eyes: {
    vi: 'Người công bố phải khác người sửa phương pháp gần nhất (nguyên tắc bốn mắt)',
    en: 'The publisher must differ from the last editor of the methodology (four-eyes rule)',
  },
  edition_closed: {
    vi: 'Kỳ khảo sát đã đóng: không phát thêm mã',
    en: 'The edition is closed: no more codes can be issued',
  },
  'not_found.code_batch': { vi: 'Không có lô mã này', en: 'No such code batch' },
  'invalid_transition.edition': {
    vi: 'Không thể "{action}" kỳ khảo sát đang ở trạng thái {state}',
    en: 'Cannot {action} an edition that is {state}',
  },
  edition_not_draft: {
    vi: 'Chỉ sửa được kỳ khảo sát còn là bản nháp (hiện: {state})',
    en: 'Only a draft edition can be edited (this one is {state})',
  },
  'not_found.edition_year': { vi: '{family} chưa có kỳ {year}', en: '{family} has no {year} edition' },
  'not_found.methodology_version': {
    vi: 'Không có phiên bản phương pháp này',
    en: 'No such methodology version',
  },
  methodology_rule: {
    vi: '{node}{message} (quy tắc {rule})',
    en: '{node}{message} (rule {rule})',
  },
} as const satisfies Record<string, Localized>;
