import type { Localized } from '#api/text.js';

// Sign-in, sessions, roles, accounts and API tokens (server/auth/).
export const AUTH_MESSAGES = {
  unauthenticated: {
    vi: 'Cần đăng nhập (hoặc gửi Authorization: Bearer <mã API của bạn>)',
    en: 'Sign in first (or send Authorization: Bearer <your API token>)',
  },
  login_failed: { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' },
  account_locked: {
    vi: 'Tài khoản tạm khoá sau nhiều lần nhập sai mật khẩu. Thử lại sau {minutes} phút hoặc nhờ quản trị viên đặt lại mật khẩu.',
    en: 'The account is locked after repeated wrong passwords. Try again in {minutes} minutes or ask an admin to reset the password.',
  },
  'too_many_attempts.login': {
    vi: 'Quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many failed sign-ins from this address. Please try again in {minutes} minutes.',
  },
  csrf_failed: {
    vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Tải lại trang rồi thử lại.',
    en: 'Missing or wrong anti-forgery token (X-CSRF-Token). Reload the page and try again.',
  },
  password_change_required: {
    vi: 'Cần đổi mật khẩu trước khi tiếp tục',
    en: 'Change your password before going on',
  },
  forbidden: { vi: 'Việc này cần vai trò {role}', en: 'This needs the {role} role' },
  password_too_short: {
    vi: 'Mật khẩu cần ít nhất {limit} ký tự',
    en: 'The password needs at least {limit} characters',
  },
  password_too_long: {
    vi: 'Mật khẩu dài tối đa {limit} ký tự',
    en: 'The password may have at most {limit} characters',
  },
  password_has_username: {
    vi: 'Mật khẩu không được chứa tên đăng nhập',
    en: 'The password must not contain the username',
  },
  token_name_required: {
    vi: 'Đặt tên cho mã API (ví dụ: "máy chấm điểm")',
    en: 'Give the API token a name (e.g. "scoring job")',
  },
  'not_found.token': { vi: 'Không có mã API này', en: 'No such active API token' },
  'not_found.account': { vi: 'Không có tài khoản này', en: 'No such account' },
  invalid_username: {
    vi: 'Tên đăng nhập gồm 2–40 chữ thường, số, dấu chấm, gạch dưới hoặc gạch ngang',
    en: 'The username is 2–40 lower-case letters, digits, dots, underscores or hyphens',
  },
  invalid_role: {
    vi: 'Vai trò phải là admin, analyst hoặc viewer',
    en: 'The role must be admin, analyst or viewer',
  },
  username_taken: {
    vi: 'Tên đăng nhập "{username}" đã có',
    en: 'The username "{username}" is taken',
  },
  self_demotion: {
    vi: 'Không thể tự khoá hoặc tự bỏ quyền quản trị của mình',
    en: 'You cannot disable yourself or remove your own admin role',
  },
  wrong_password: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  same_password: {
    vi: 'Mật khẩu mới phải khác mật khẩu cũ',
    en: 'The new password must differ from the old one',
  },
} as const satisfies Record<string, Localized>;
