import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publicRoutes } from './routes-public.js';
import { collectionRoutes } from './routes-collection.js';
import { accountRoutes, setupRoutes } from './routes-workspace.js';
import { privacyRouteDocs } from './routes-privacy.js';
import { serviceRouteDocs } from './routes-service.js';
import { visitRouteDocs } from './routes-visit.js';
import type { RouteDoc } from './types.js';

// The OpenAPI 3.1 document, built from the api/ schemas: response payloads from
// api/schemas/releases/payloads.schema.json (generated from api/*.ts), request bodies from
// api/schemas/<area>/<name>.schema.json, operations from the route docs.

export const ROUTE_DOCS: RouteDoc[] = [
  ...publicRoutes,
  ...collectionRoutes,
  ...accountRoutes,
  ...setupRoutes,
  ...privacyRouteDocs,
  ...serviceRouteDocs,
  ...visitRouteDocs,
];

const SCHEMAS = new URL('../../api/schemas/', import.meta.url);
const readJson = (rel: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(rel, SCHEMAS)), 'utf8')) as Record<string, unknown>;

/** Schema references point into components: `#/$defs/X` of a file becomes `#/components/schemas/<prefix>X`. */
function relocate(schema: unknown, from: string, to: string): unknown {
  return JSON.parse(JSON.stringify(schema).split(`"${from}`).join(`"${to}`));
}

function components(): Record<string, unknown> {
  const payloads = readJson('releases/payloads.schema.json').$defs as Record<string, unknown>;
  const out = relocate(payloads, '#/$defs/', '#/components/schemas/') as Record<string, unknown>;
  for (const doc of ROUTE_DOCS.filter((d) => d.body)) {
    const key = doc.body!.replace('/', '.');
    const { $schema: _s, $id: _i, ...body } = readJson(`${doc.body}.schema.json`);
    out[key] = relocate(body, '#/$defs/', `#/components/schemas/${key}/$defs/`);
  }
  return out;
}

/** `/a/:b{.:ext}` → `/a/{b}` and `/a/{b}.{ext}`: OpenAPI has no optional segments. */
export function openApiPaths(expressPath: string): string[] {
  const named = (p: string) => p.replace(/:(\w+)/g, '{$1}');
  const optional = /\{\.:(\w+)\}$/.exec(expressPath);
  if (!optional) return [named(expressPath)];
  const base = expressPath.slice(0, optional.index);
  return [named(base), `${named(base)}.{${optional[1]}}`];
}

const SUFFIX: Record<string, string> = {
  'text/csv': 'csv',
  'application/octet-stream': 'sig',
  'application/x-pem-file': 'pem',
};
/** The suffixes a `{.:ext}` route takes: json and one per other content type. */
const extensions = (doc: RouteDoc) => ['json', ...(doc.alsoAs ?? []).map((t) => SUFFIX[t] ?? t)];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operation(doc: RouteDoc, path: string) {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: m[1] === 'ext' ? { type: 'string', enum: extensions(doc) } : { type: 'string' },
  }));
  const query = Object.entries(doc.query ?? {}).map(([name, description]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  }));
  const content: Record<string, unknown> = {
    'application/json': { schema: doc.response ? ref(doc.response) : {} },
  };
  for (const type of doc.alsoAs ?? []) content[type] = { schema: { type: 'string' } };
  const error = {
    description: "Error envelope, message in the caller's language",
    content: { 'application/json': { schema: ref('ApiError') } },
  };
  return {
    operationId: `${doc.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    tags: [doc.tag],
    summary: doc.summary,
    description: doc.description,
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(doc.body.replace('/', '.')) } },
          },
        }
      : {}),
    responses: {
      '200': { description: 'OK', content },
      ...(doc.tag === 'releases'
        ? { '304': { description: 'Not modified (If-None-Match matched the ETag)' } }
        : {}),
      '4XX': error,
    },
  };
}

/** The whole document. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of ROUTE_DOCS)
    for (const p of openApiPaths(doc.path)) (paths[p] ??= {})[doc.method] = operation(doc, p);
  return {
    openapi: '3.1.0',
    info: {
      title: 'DDCI platform API',
      version,
      description:
        "Open platform for Vietnam's business-climate competitiveness indices (PCI, DDCI). Public data is read from signed, immutable releases (Ed25519 over RFC 8785 canonical JSON); see GET /api/v1/keys/release-signing. Messages follow ?lang=vi|en or Accept-Language.",
      license: { name: 'Data: CC BY 4.0 unless a release names another licence', identifier: 'CC-BY-4.0' },
    },
    paths,
    components: { schemas: components() },
  };
}
