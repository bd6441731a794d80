import type { Localized } from '#api/text.js';

// Visits at service centres (server/visit/, server/limits/visit.ts): centre tokens, the centre a
// visit names, service families, and the per-centre limits.
export const VISIT_MESSAGES = {
  invalid_centre_token: {
    vi: 'Đường dẫn hoặc mã QR này không hợp lệ hay đã bị sửa. Vui lòng quét lại mã QR niêm yết tại trung tâm.',
    en: 'This link or QR code is not valid or has been altered. Please scan the QR code posted at the centre again.',
  },
  wrong_centre: {
    vi: 'Câu trả lời phải là trung tâm của đường dẫn ({centre})',
    en: "The answer must be the link's centre ({centre})",
  },
  'wrong_edition.visit': {
    vi: 'Kỳ khảo sát này không dành cho trung tâm của đường dẫn',
    en: "This survey edition is not the one of the link's centre",
  },
  wrong_family_kind: {
    vi: 'Bộ chỉ số "{family}" không phải loại đánh giá sự hài lòng về phục vụ hành chính',
    en: 'Family "{family}" is not a service-satisfaction family',
  },
  'not_found.centre': {
    vi: 'Không có trung tâm "{code}" trong bộ chỉ số "{family}"',
    en: 'No centre "{code}" in family "{family}"',
  },
  'too_many_attempts.visits': {
    vi: 'Trung tâm này vừa nhận quá nhiều phiếu đánh giá. Vui lòng thử lại sau {minutes} phút.',
    en: 'This centre has just received too many ratings. Please try again in {minutes} {minutes|minute|minutes}.',
  },
} as const satisfies Record<string, Localized>;
