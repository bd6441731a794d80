import type { Request, RequestHandler } from 'express';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import type { FieldError } from '#api/errors.js';
import { fieldError, invalid } from './errors.js';
import { schemaErrors } from './schema-errors.js';
import { serverMessage } from './messages.js';

type ParamsDictionary = Record<string, string>;

/** JSON Schemas (2020-12, from api/schemas/) for the parts of a request a route accepts. */
export interface RequestSchemas {
  body?: object;
  query?: object;
  params?: object;
}

/** At most this many field errors are returned; `total` says how many there were. */
export const MAX_FIELD_ERRORS = 20;

// ajv-formats is CommonJS; depending on the loader the plugin is the module or its default.
const formatsModule = ajvFormats as unknown as { default: unknown };
const addFormats = (typeof formatsModule.default === 'function' ? formatsModule.default : ajvFormats) as (
  ajv: Ajv2020,
  options: string[],
) => void;

function makeAjv(text: boolean): Ajv2020 {
  // verbose: errors carry their schema, which names the options of a oneOf.
  const ajv = new Ajv2020({
    strict: true,
    // a oneOf branch may require a key that its parent declares
    strictRequired: false,
    allErrors: true,
    verbose: true,
    coerceTypes: text,
    useDefaults: text,
  });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
  return ajv;
}

// Bodies are JSON and keep their types; query strings and path parameters are text, so numbers
// and booleans there are coerced (`?includeFlagged=true`, `/rankings/pci/2016`).
const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);
const compiled = new WeakMap<object, ValidateFunction>();

function compile(ajv: Ajv2020, schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Field errors of one request part; `prefix` is '' for the body, '/query' or '/params' otherwise. */
function check(fn: ValidateFunction, data: unknown, prefix: string): FieldError[] {
  if (fn(data)) return [];
  return schemaErrors(fn.errors as ErrorObject[], data).map((e) => ({ ...e, path: prefix + e.path }));
}

/**
 * The one request validator: `validate({ body, query, params })` checks each part against its JSON
 * Schema (compiled once, when the route is built) and answers 422 with field errors naming the
 * field (`/family`, `/query/channel`, `/params/year`). Coerced query and path values replace the
 * originals, so a handler reads `req.query.includeFlagged` as a boolean. `?lang=` is allowed on
 * every route and never reaches the query schema.
 */
export function validate<Body = unknown>(
  schemas: RequestSchemas,
): RequestHandler<ParamsDictionary, unknown, Body> {
  const body = schemas.body && compile(bodyAjv, schemas.body);
  const query = schemas.query && compile(textAjv, schemas.query);
  const params = schemas.params && compile(textAjv, schemas.params);
  return (req, _res, next) => {
    const errors: FieldError[] = [];
    if (body) {
      if (!isPlainObject(req.body)) {
        errors.push(fieldError('/', 'not_an_object', serverMessage('not_an_object')));
      } else errors.push(...check(body, req.body, ''));
    }
    if (query) {
      const { lang, ...rest } = req.query as Record<string, unknown>;
      errors.push(...check(query, rest, '/query'));
      const value = lang === undefined ? rest : { ...rest, lang };
      // Express 5 parses req.query afresh on each read: an own property keeps the coerced values.
      Object.defineProperty(req, 'query', { value, writable: true, configurable: true, enumerable: true });
    }
    if (params) {
      const copy = { ...(req.params as Record<string, unknown>) };
      errors.push(...check(params, copy, '/params'));
      req.params = copy as ParamsDictionary;
    }
    if (errors.length > 0)
      throw invalid(errors.slice(0, MAX_FIELD_ERRORS), 'validation_failed', errors.length);
    next();
  };
}

/**
 * The query string after `validate({ query })`: coerced to the schema's types, defaults filled.
 * Express types `req.query` as raw strings, so a route names the validated shape here, once.
 */
export function validQuery<Q>(req: Request): Q {
  return req.query as unknown as Q;
}
