import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '#server/http/errors.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Bearer-token check for analyst and admin routes (ADMIN_TOKEN). Without a configured token the
 * routes are disabled rather than open. Hashing both sides makes the comparison constant-time
 * whatever the lengths.
 */
export function requireAdmin(token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : undefined;
  return (req, _res, next) => {
    if (!expected) {
      throw new HttpError(403, 'admin_disabled', {
        vi: 'API quản trị đang tắt: đặt biến môi trường ADMIN_TOKEN (ít nhất 16 ký tự) rồi khởi động lại máy chủ',
        en: 'The admin API is disabled: set the ADMIN_TOKEN environment variable (at least 16 characters) and restart the server',
      });
    }
    const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
      throw new HttpError(401, 'unauthorized', {
        vi: 'Cần mã truy cập quản trị hợp lệ (Authorization: Bearer <ADMIN_TOKEN>)',
        en: 'A valid admin token is required (Authorization: Bearer <ADMIN_TOKEN>)',
      });
    }
    next();
  };
}
