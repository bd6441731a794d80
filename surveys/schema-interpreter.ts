// A JSON Schema interpreter for exactly the keywords compileResponseSchema emits, reporting errors
// shaped and ordered like Ajv's (allErrors). It needs no code generation, so it runs under a strict
// Content-Security-Policy (no 'unsafe-eval') where Ajv's `new Function` cannot.
// test/surveys/validate-interpreted.test.ts runs the same responses through Ajv and through this
// interpreter and requires identical field errors.

/** The subset of Ajv's ErrorObject that responseErrors reads. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  propertyName?: string;
}

type Schema = Record<string, unknown>;
type Out = SchemaError[];

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Keywords Ajv evaluates only when the data has the group's type, in Ajv's order.
const GROUPS: Record<string, readonly string[]> = {
  number: ['maximum', 'minimum'],
  string: ['maxLength', 'format', 'formatMaximum', 'formatMinimum'],
  array: ['maxItems', 'minItems', 'items', 'contains', 'uniqueItems'],
  object: ['maxProperties', 'required', 'propertyNames', 'additionalProperties', 'properties'],
};

/** Errors of `data` against `schema`; an empty list means valid. */
export function interpretSchema(schema: Schema | boolean, data: unknown): SchemaError[] {
  const out: Out = [];
  visit(schema, data, '', '#', out);
  return out;
}

function visit(schema: Schema | boolean, data: unknown, path: string, sp: string, out: Out): void {
  if (schema === true) return;
  if (schema === false) {
    out.push({ keyword: 'false schema', instancePath: path, schemaPath: sp, params: {} });
    return;
  }
  const type = schema.type as string | undefined;
  const typeError = (): void => {
    out.push({ keyword: 'type', instancePath: path, schemaPath: `${sp}/type`, params: { type } });
  };
  // Ajv checks a type up front when no keyword group of that type is present (always for integer).
  const upfront = type !== undefined && !(GROUPS[type] ?? []).some((k) => k in schema);
  if (upfront && !isType(type, data)) typeError();
  untyped(schema, data, path, sp, out);
  for (const group of Object.keys(GROUPS)) {
    if (isType(group, data)) keywords(group, schema, data, path, sp, out);
    else if (!upfront && type === group) typeError();
  }
}

function isType(type: string, data: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'string':
      return typeof data === 'string';
    case 'array':
      return Array.isArray(data);
    case 'object':
      return data !== null && typeof data === 'object' && !Array.isArray(data);
    default:
      return false;
  }
}

function untyped(schema: Schema, data: unknown, path: string, sp: string, out: Out): void {
  if ('const' in schema && schema.const !== data)
    out.push({
      keyword: 'const',
      instancePath: path,
      schemaPath: `${sp}/const`,
      params: { allowedValue: schema.const },
    });
  if ('enum' in schema && !(schema.enum as unknown[]).some((v) => v === data))
    out.push({
      keyword: 'enum',
      instancePath: path,
      schemaPath: `${sp}/enum`,
      params: { allowedValues: schema.enum },
    });
  if ('allOf' in schema) {
    (schema.allOf as Schema[]).forEach((sub, i) => {
      const at = `${sp}/allOf/${i}`;
      if (interpretSchema(sub.if as Schema, data).length === 0)
        visit(sub.then as Schema, data, path, `${at}/then`, out);
    });
  }
}

function keywords(group: string, schema: Schema, data: unknown, path: string, sp: string, out: Out): void {
  const err = (keyword: string, params: Record<string, unknown>, extra: Partial<SchemaError> = {}): void => {
    out.push({ keyword, instancePath: path, schemaPath: `${sp}/${keyword}`, params, ...extra });
  };
  for (const k of GROUPS[group]!) {
    if (!(k in schema)) continue;
    const limit = schema[k];
    switch (k) {
      case 'maximum':
        if ((data as number) > (limit as number)) err(k, { comparison: '<=', limit });
        break;
      case 'minimum':
        if ((data as number) < (limit as number)) err(k, { comparison: '>=', limit });
        break;
      case 'maxLength':
        // Ajv counts code points, not UTF-16 units.
        if ([...(data as string)].length > (limit as number)) err(k, { limit });
        break;
      case 'format':
        if (!isDate(data as string)) err(k, { format: limit });
        break;
      case 'formatMaximum':
      case 'formatMinimum': {
        const c = compareDates(data as string, limit as string);
        if (c !== undefined && (k === 'formatMaximum' ? c > 0 : c < 0))
          err(k, { comparison: k === 'formatMaximum' ? '<=' : '>=', limit });
        break;
      }
      default:
        if (group === 'array') arrayKeyword(k, schema, data as unknown[], path, sp, out, err);
        else objectKeyword(k, schema, data as Record<string, unknown>, path, sp, out, err);
    }
  }
}

type Err = (keyword: string, params: Record<string, unknown>, extra?: Partial<SchemaError>) => void;

function arrayKeyword(
  k: string,
  schema: Schema,
  data: unknown[],
  path: string,
  sp: string,
  out: Out,
  err: Err,
): void {
  const limit = schema[k] as number;
  if (k === 'maxItems' && data.length > limit) err(k, { limit });
  else if (k === 'minItems' && data.length < limit) err(k, { limit });
  else if (k === 'uniqueItems' && schema.uniqueItems === true) {
    const seen = data.map((v) => JSON.stringify(v));
    for (let i = seen.length; i--;) {
      const j = seen.indexOf(seen[i]!);
      if (j !== i) {
        err(k, { i, j });
        break;
      }
    }
  } else if (k === 'items')
    data.forEach((v, i) => visit(schema.items as Schema | boolean, v, `${path}/${i}`, `${sp}/items`, out));
  else if (k === 'contains' && !data.some((v) => interpretSchema(schema.contains as Schema, v).length === 0))
    err(k, { minContains: 1 });
}

function objectKeyword(
  k: string,
  schema: Schema,
  data: Record<string, unknown>,
  path: string,
  sp: string,
  out: Out,
  err: Err,
): void {
  const keys = Object.keys(data);
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const seg = (key: string): string => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (k === 'maxProperties' && keys.length > (schema.maxProperties as number))
    err(k, { limit: schema.maxProperties });
  else if (k === 'required') {
    for (const name of schema.required as string[])
      if (data[name] === undefined) err(k, { missingProperty: name });
  } else if (k === 'propertyNames') {
    for (const key of keys) {
      const inner = interpretSchema(schema.propertyNames as Schema, key);
      if (inner.length === 0) continue;
      for (const e of inner)
        out.push({
          ...e,
          instancePath: path,
          schemaPath: `${sp}/propertyNames${e.schemaPath.slice(1)}`,
          propertyName: key,
        });
      err(k, { propertyName: key });
    }
  } else if (k === 'additionalProperties') {
    for (const key of keys) {
      if (Object.hasOwn(props, key)) continue;
      if (schema.additionalProperties === false) err(k, { additionalProperty: key });
      else
        visit(schema.additionalProperties as Schema, data[key], seg(key), `${sp}/additionalProperties`, out);
    }
  } else if (k === 'properties') {
    for (const name of Object.keys(props))
      if (Object.hasOwn(data, name) && data[name] !== undefined)
        visit(props[name]!, data[name], seg(name), `${sp}/properties/${name}`, out);
  }
}

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

// ajv-formats compares full dates as strings, and not at all when either side is empty.
function compareDates(a: string, b: string): number | undefined {
  if (!(a && b)) return undefined;
  return a > b ? 1 : a < b ? -1 : 0;
}
