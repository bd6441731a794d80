import type { RouteDoc } from './types.js';

// The public read API: every answer is a file of the release export (server/releases/README.md).

const CSV = ['text/csv'];
const LANG = { lang: 'CSV only: column headers in vi (default) or en' };
const BLOCK = { block: 'block code (default: the first block of the release)', ...LANG };
const VIEW =
  ' Also at the same path with a `.json` or `.csv` suffix (CSV: UTF-8 with BOM, formula cells neutralised). ' +
  'Strong ETag (its weak form W/… when the reply is compressed); If-None-Match answers 304 with either.';

export const publicRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'health',
    summary: 'Process is up',
    description: 'Answers 200 while the process runs; it does not touch the database.',
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'health',
    summary: 'Database answers',
    description:
      'Answers 200 when the database answers a query, 503 otherwise: `database_busy` when every pooled connection is in use (overload), `database_unavailable` when it cannot be reached. Public data stays available either way.',
  },
  {
    method: 'get',
    path: '/api/v1/families{.:ext}',
    tag: 'releases',
    summary: 'Index families and their released editions',
    description:
      'Families (PCI, a province DDCI, the demo) with only the editions that have a release.' + VIEW,
    response: 'FamilyList',
    alsoAs: CSV,
    query: LANG,
  },
  {
    method: 'get',
    path: '/api/v1/releases{.:ext}',
    tag: 'releases',
    summary: 'Every release',
    description: 'All releases, current and superseded, with hashes and links.' + VIEW,
    response: 'ReleaseIndex',
    alsoAs: CSV,
    query: LANG,
  },
  {
    method: 'get',
    path: '/api/v1/releases/:id',
    tag: 'releases',
    summary: 'A release document (signed)',
    description:
      'The canonical release document (RFC 8785 JSON), byte for byte what the Ed25519 signature covers. ' +
      '`:id` may end in `.json`. Immutable: cached for a year.',
    response: 'ReleaseDocument',
  },
  {
    method: 'get',
    path: '/api/v1/releases/:id/signature{.:ext}',
    tag: 'releases',
    summary: 'Signature of a release',
    description:
      'The Ed25519 signature over the document bytes: JSON with base64 (`.json` or no suffix) or the raw 64 bytes (`.sig`), for `openssl pkeyutl -verify -rawin`.',
    response: 'ReleaseSignature',
    alsoAs: ['application/octet-stream'],
  },
  {
    method: 'get',
    path: '/api/v1/releases/:id/metadata{.:ext}',
    tag: 'releases',
    summary: 'Source, licence and citation of a release',
    description:
      'What to cite: source, licence, methodology hash, document hash, status and download links (absolute under PUBLIC_URL when the deployment sets it, else relative).' +
      VIEW,
    response: 'ReleaseMetadata',
    alsoAs: CSV,
    query: LANG,
  },
  {
    method: 'get',
    path: '/api/v1/releases/:id/rankings{.:ext}',
    tag: 'releases',
    summary: 'Ranking of one block of a given release',
    description:
      'The ranking as that release published it, also when it has been superseded (then `release.status` says so and `release.current` links the correction).' +
      VIEW,
    response: 'Ranking',
    alsoAs: CSV,
    query: BLOCK,
  },
  {
    method: 'get',
    path: '/api/v1/keys/release-signing{.:ext}',
    tag: 'releases',
    summary: 'Public release-signing key',
    description:
      'The Ed25519 public key (SubjectPublicKeyInfo) and its SHA-256 fingerprint: JSON, or PEM with `.pem`.',
    response: 'SigningKey',
    alsoAs: ['application/x-pem-file'],
  },
  {
    method: 'get',
    path: '/api/v1/rankings/:family/:year',
    tag: 'releases',
    summary: 'Current ranking of an edition',
    description:
      "Rank, composite with interval and rank range, tier, change since the previous edition, respondents and every sub-index of each unit, from the edition's current release. `:year` may end in `.json` or `.csv`. An edition without a release is a 404." +
      VIEW,
    response: 'Ranking',
    alsoAs: CSV,
    query: BLOCK,
  },
  {
    method: 'get',
    path: '/api/v1/units/:family/:code',
    tag: 'releases',
    summary: 'Profile of a unit across releases',
    description:
      "The unit's values in every current release, and those of the units it descends from (merges, renames), each labelled; with the lineage. Entries of computed releases also carry the block's indicators and the unit's raw value, normalised score, rank and n on each (`indicators`, `indicatorValues`). `:code` may end in `.json` or `.csv`." +
      VIEW,
    response: 'UnitProfile',
    alsoAs: CSV,
    query: LANG,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the whole HTTP API, generated from the api/ schemas.',
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'meta',
    summary: 'Human-readable API docs',
    description: 'Swagger UI over /api/openapi.json.',
  },
  {
    method: 'get',
    path: '/api/docs/init.js',
    tag: 'meta',
    summary: 'API docs start script',
    description: 'Starts Swagger UI on /api/openapi.json (a file, so the CSP needs no inline script).',
  },
  {
    method: 'get',
    path: '/api/docs/assets/:file',
    tag: 'meta',
    summary: 'API docs assets',
    description: "Swagger UI's script and style sheet, from the swagger-ui-dist package.",
  },
];
