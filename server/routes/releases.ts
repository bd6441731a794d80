import { Router, type Request, type Response } from 'express';
import type { Localized } from '#api/text.js';
import rankingParams from '#api/schemas/rankings/ranking-params.schema.json' with { type: 'json' };
import rankingQuery from '#api/schemas/rankings/ranking-query.schema.json' with { type: 'json' };
import { notFound } from '#server/http/errors.js';
import { validate, validQuery } from '#server/http/validate.js';
import type { PublicFileCache } from '#server/releases/file-cache.js';
import { PUBLIC_ROOT } from '#server/releases/public-files.js';
import { serverMessage } from '#server/http/messages.js';

// Public read API. Every answer is a file of the static export (server/releases/README.md), so the
// public data stays up with the database stopped, and matches an export byte for byte.

const NAME = /^([A-Za-z0-9][A-Za-z0-9_.-]*?)(\.json|\.csv)?$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const YEAR_LONG = 365 * 24 * 3600;
const NO_SUCH = serverMessage('not_found.resource');
const NO_RELEASE = serverMessage('not_found.no_release');
const TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  sig: 'application/octet-stream',
  pem: 'application/x-pem-file',
};

type Format = 'json' | 'csv';

/** `2016.csv` → { name: '2016', format: 'csv' }; undefined for anything that is not a code. */
function parseName(raw: string): { name: string; format: Format } | undefined {
  const m = NAME.exec(raw);
  if (!m || !CODE.test(m[1]!)) return undefined;
  return { name: m[1]!, format: m[2] === '.csv' ? 'csv' : 'json' };
}

/** The file of a view: JSON, or CSV with Vietnamese (default) or English headers. */
const viewFile = (base: string, format: Format, req: Request) =>
  format === 'json' ? `${base}.json` : req.query.lang === 'en' ? `${base}.en.csv` : `${base}.csv`;

function extOf(raw: string | undefined, allowed: string[]): string {
  if (raw === undefined) return allowed[0]!;
  if (!allowed.includes(raw)) throw notFound(NO_SUCH);
  return raw;
}

const releaseId = (id: string) => {
  if (!CODE.test(id)) throw notFound(serverMessage('not_found.release', { id }));
  return id;
};

/** Sends a public file with a strong ETag (304 when it matches); versioned URLs are immutable. */
function sender(files: PublicFileCache) {
  return async (req: Request, res: Response, rel: string, missing: Localized, immutable = false) => {
    const file = await files.get(`${PUBLIC_ROOT}/${rel}`);
    if (!file) throw notFound(missing);
    const ext = rel.slice(rel.lastIndexOf('.') + 1);
    res.setHeader('ETag', file.etag);
    res.setHeader(
      'Cache-Control',
      immutable ? `public, max-age=${YEAR_LONG}, immutable` : 'public, max-age=60',
    );
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    if (ext === 'csv') res.attachment(rel.replace(/\//g, '-'));
    if (req.fresh) res.status(304).end();
    else res.send(file.bytes);
  };
}

function releaseFileRoutes(router: Router, send: ReturnType<typeof sender>) {
  const missing = (id: string): Localized => serverMessage('not_found.release', { id });
  router.get('/releases/:id', async (req, res) => {
    const p = parseName(req.params.id);
    if (!p || p.format === 'csv') throw notFound(missing(req.params.id));
    await send(req, res, `releases/${p.name}.json`, missing(p.name), true);
  });
  router.get('/releases/:id/signature{.:ext}', async (req, res) => {
    const ext = extOf(req.params.ext, ['json', 'sig']);
    const id = releaseId(req.params.id);
    await send(req, res, `releases/${id}/signature.${ext}`, missing(id), true);
  });
  router.get('/releases/:id/metadata{.:ext}', async (req, res) => {
    const format = extOf(req.params.ext, ['json', 'csv']) as Format;
    const id = releaseId(req.params.id);
    await send(req, res, viewFile(`releases/${id}/metadata`, format, req), missing(id));
  });
  // The block is checked by its schema, as on /rankings: a bad one is a 422 naming /query/block.
  router.get('/releases/:id/rankings{.:ext}', validate({ query: rankingQuery }), async (req, res) => {
    const format = extOf(req.params.ext, ['json', 'csv']) as Format;
    const id = releaseId(String(req.params.id));
    const b = validQuery<{ block?: string }>(req).block;
    const missing = b
      ? serverMessage('not_found.release_block', { id, block: b })
      : serverMessage('not_found.release', { id });
    await send(req, res, viewFile(`releases/${id}/rankings${b ? `/${b}` : ''}`, format, req), missing);
  });
}

export function releaseRoutes(files: PublicFileCache): Router {
  const router = Router();
  const send = sender(files);
  for (const name of ['families', 'releases']) {
    router.get(`/${name}{.:ext}`, async (req, res) => {
      const format = extOf(req.params.ext as string | undefined, ['json', 'csv']) as Format;
      await send(req, res, viewFile(name, format, req), NO_RELEASE);
    });
  }
  releaseFileRoutes(router, send);
  router.get('/keys/release-signing{.:ext}', async (req, res) => {
    const ext = extOf(req.params.ext, ['json', 'pem']);
    await send(req, res, `keys/release-signing.${ext}`, serverMessage('not_found.signing_key'));
  });
  // Year, family and block are checked by their schemas: a bad one is a 422 naming the field.
  const rankingInput = validate({ params: rankingParams, query: rankingQuery });
  router.get('/rankings/:family/:year', rankingInput, async (req, res) => {
    const { family, year: name } = req.params as { family: string; year: string };
    const { name: year, format } = parseName(name)!;
    const b = validQuery<{ block?: string }>(req).block;
    const missing = b
      ? serverMessage('not_found.ranking_block', { family, year, block: b })
      : serverMessage('not_found.ranking', { family, year });
    await send(req, res, viewFile(`rankings/${family}/${year}${b ? `/${b}` : ''}`, format, req), missing);
  });
  router.get('/units/:family/:code', async (req, res) => {
    const p = parseName(req.params.code);
    const { family } = req.params;
    const code = p?.name ?? req.params.code;
    const missing = serverMessage('not_found.release_unit', { unit: code, family });
    if (!p || !CODE.test(family)) throw notFound(missing);
    await send(req, res, viewFile(`units/${family}/${p.name}`, p.format, req), missing);
  });
  return router;
}
