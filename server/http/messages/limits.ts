import type { Localized } from '#api/text.js';

// Refusals of the shared rate limits (server/limits/): wrong-code guessing and open-mode floods.
export const LIMIT_MESSAGES = {
  'too_many_attempts.codes': {
    vi: 'Quá nhiều lần nhập mã khảo sát sai từ địa chỉ này. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many wrong survey codes from this address. Please try again in {minutes} {minutes|minute|minutes}.',
  },
  'too_many_attempts.open_mode': {
    vi: 'Đã nhận quá nhiều câu trả lời không có mã cho khảo sát này. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many answers without a code for this survey. Please try again in {minutes} {minutes|minute|minutes}.',
  },
} as const satisfies Record<string, Localized>;
