import type { Localized } from '#api/text.js';

// Public release files, views and keys (server/routes/releases.ts).
export const RELEASE_MESSAGES = {
  'not_found.resource': { vi: 'Không có tài nguyên này', en: 'No such resource' },
  'not_found.no_release': { vi: 'Chưa có bản công bố nào', en: 'No release yet' },
  'not_found.release': { vi: 'Không có bản công bố {id}', en: 'No release {id}' },
  'not_found.release_block': {
    vi: 'Không có bản công bố {id} với khối {block}',
    en: 'No release {id} with block {block}',
  },
  'not_found.signing_key': { vi: 'Chưa có khóa ký', en: 'No signing key yet' },
  'not_found.ranking': {
    vi: 'Không có bảng xếp hạng {family} năm {year}',
    en: 'No {family} ranking for {year}',
  },
  'not_found.ranking_block': {
    vi: 'Không có bảng xếp hạng {family} năm {year} cho khối {block}',
    en: 'No {family} ranking for {year} in block {block}',
  },
  'not_found.release_unit': { vi: 'Không có đơn vị {unit} trong {family}', en: 'No unit {unit} in {family}' },
  unknown_edition: { vi: 'Không có kỳ {year} của {family}', en: '{family} has no {year} edition' },
  already_released: {
    vi: '{label} đã có bản công bố {id}; bản đính chính phải ghi "supersedes": "{id}"',
    en: '{label} already has release {id}; a correction must say "supersedes": "{id}"',
  },
  wrong_supersedes: {
    vi: '{label} chưa có bản công bố nào để đính chính ({supersedes})',
    en: '{label} has no release to correct ({supersedes})',
  },
  empty_release: { vi: 'Bản công bố không có đơn vị nào', en: 'The release has no units' },
} as const satisfies Record<string, Localized>;
