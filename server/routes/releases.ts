import { Router, type Request, type Response } from 'express';
import { badRequest, notFound } from '#server/http/errors.js';
import type { PublicFileCache } from '#server/releases/file-cache.js';
import { PUBLIC_ROOT } from '#server/releases/public-files.js';

// Public read API. Every answer is a file of the static export (server/releases/README.md), so the
// public data stays up with the database stopped, and matches an export byte for byte.

const NAME = /^([A-Za-z0-9][A-Za-z0-9_.-]*?)(\.json|\.csv)?$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const YEAR = /^\d{4}$/;
const YEAR_LONG = 365 * 24 * 3600;

type Format = 'json' | 'csv';

function parseName(raw: string): { name: string; format: Format } | undefined {
  const m = NAME.exec(raw);
  if (!m || !CODE.test(m[1]!)) return undefined;
  return { name: m[1]!, format: m[2] === '.csv' ? 'csv' : 'json' };
}

function viewFile(base: string, format: Format, req: Request): string {
  if (format === 'json') return `${base}.json`;
  return req.query.lang === 'en' ? `${base}.en.csv` : `${base}.csv`;
}

function block(req: Request): string | undefined {
  const b = req.query.block;
  if (b === undefined) return undefined;
  if (typeof b !== 'string' || !CODE.test(b))
    throw badRequest('invalid_block', {
      vi: `Mã khối không hợp lệ: "${String(b)}"`,
      en: `Invalid block code: "${String(b)}"`,
    });
  return b;
}

const TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  sig: 'application/octet-stream',
  pem: 'application/x-pem-file',
};

export function releaseRoutes(files: PublicFileCache): Router {
  const router = Router();

  async function send(
    req: Request,
    res: Response,
    rel: string,
    what: { vi: string; en: string },
    immutable = false,
  ) {
    const file = await files.get(`${PUBLIC_ROOT}/${rel}`);
    if (!file) throw notFound(what);
    const ext = rel.slice(rel.lastIndexOf('.') + 1);
    res.setHeader('ETag', file.etag);
    res.setHeader(
      'Cache-Control',
      immutable ? `public, max-age=${YEAR_LONG}, immutable` : 'public, max-age=60',
    );
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    if (ext === 'csv') res.attachment(rel.replace(/\//g, '-').replace(/^rankings-/, ''));
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.send(file.bytes);
  }

  const NO_SUCH = { vi: 'Không có tài nguyên này', en: 'No such resource' };
  const extOf = (raw: string | undefined, allowed: string[]): string => {
    if (raw === undefined) return allowed[0]!;
    if (!allowed.includes(raw)) throw notFound(NO_SUCH);
    return raw;
  };
  const noRelease = (id: string) => ({
    vi: `Không có bản công bố ${id}`,
    en: `No release ${id}`,
  });

  router.get('/families{.:ext}', async (req, res) => {
    const format = extOf(req.params.ext, ['json', 'csv']) as Format;
    await send(req, res, viewFile('families', format, req), {
      vi: 'Chưa có bản công bố nào',
      en: 'No release yet',
    });
  });
  router.get('/releases{.:ext}', async (req, res) => {
    const format = extOf(req.params.ext, ['json', 'csv']) as Format;
    await send(req, res, viewFile('releases', format, req), {
      vi: 'Chưa có bản công bố nào',
      en: 'No release yet',
    });
  });
  router.get('/releases/:id', async (req, res) => {
    const p = parseName(req.params.id);
    if (!p || p.format === 'csv') throw notFound(noRelease(req.params.id));
    await send(req, res, `releases/${p.name}.json`, noRelease(p.name), true);
  });
  router.get('/releases/:id/signature{.:ext}', async (req, res) => {
    const ext = extOf(req.params.ext, ['json', 'sig']);
    if (!CODE.test(req.params.id)) throw notFound(noRelease(req.params.id));
    await send(req, res, `releases/${req.params.id}/signature.${ext}`, noRelease(req.params.id), true);
  });
  router.get('/releases/:id/metadata{.:ext}', async (req, res) => {
    const format = extOf(req.params.ext, ['json', 'csv']) as Format;
    if (!CODE.test(req.params.id)) throw notFound(noRelease(req.params.id));
    await send(
      req,
      res,
      viewFile(`releases/${req.params.id}/metadata`, format, req),
      noRelease(req.params.id),
    );
  });
  router.get('/releases/:id/rankings{.:ext}', async (req, res) => {
    const format = extOf(req.params.ext, ['json', 'csv']) as Format;
    const id = req.params.id;
    if (!CODE.test(id)) throw notFound(noRelease(id));
    const b = block(req);
    const base = `releases/${id}/rankings${b ? `/${b}` : ''}`;
    await send(req, res, viewFile(base, format, req), {
      vi: `Không có bản công bố ${id}${b ? ` với khối ${b}` : ''}`,
      en: `No release ${id}${b ? ` with block ${b}` : ''}`,
    });
  });
  router.get('/keys/release-signing{.:ext}', async (req, res) => {
    const ext = extOf(req.params.ext, ['json', 'pem']);
    await send(req, res, `keys/release-signing.${ext}`, { vi: 'Chưa có khóa ký', en: 'No signing key yet' });
  });
  router.get('/rankings/:family/:year', async (req, res) => {
    const p = parseName(req.params.year);
    if (!p || !YEAR.test(p.name)) {
      throw badRequest('invalid_year', {
        vi: `Năm không hợp lệ: "${req.params.year}" (cần 4 chữ số, ví dụ 2016)`,
        en: `Invalid year: "${req.params.year}" (expected four digits, e.g. 2016)`,
      });
    }
    const family = req.params.family;
    const b = block(req);
    const what = {
      vi: `Không có bảng xếp hạng ${family} năm ${p.name}${b ? ` cho khối ${b}` : ''}`,
      en: `No ${family} ranking for ${p.name}${b ? ` in block ${b}` : ''}`,
    };
    if (!CODE.test(family)) throw notFound(what);
    await send(req, res, viewFile(`rankings/${family}/${p.name}${b ? `/${b}` : ''}`, p.format, req), what);
  });
  router.get('/units/:family/:code', async (req, res) => {
    const p = parseName(req.params.code);
    const family = req.params.family;
    const what = {
      vi: `Không có đơn vị ${p?.name ?? req.params.code} trong ${family}`,
      en: `No unit ${p?.name ?? req.params.code} in ${family}`,
    };
    if (!p || !CODE.test(family)) throw notFound(what);
    await send(req, res, viewFile(`units/${family}/${p.name}`, p.format, req), what);
  });
  return router;
}
