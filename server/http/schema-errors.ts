import type { ErrorObject } from 'ajv/dist/2020.js';
import type { FieldError } from '#api/errors.js';
import type { Localized } from '#api/text.js';
import { type MessageKey, serverMessage } from './messages.js';

const TYPE_NAMES: Record<string, Localized> = {
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  number: { vi: 'một số', en: 'a number' },
  string: { vi: 'một chuỗi ký tự', en: 'text' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một đối tượng', en: 'an object' },
  null: { vi: 'null', en: 'null' },
};

const segment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function at(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

function typeParams(type: unknown): Record<string, string> {
  const names = (Array.isArray(type) ? type : [type]).map((t) => TYPE_NAMES[String(t)] ?? { vi: t, en: t });
  return { expected: names.map((n) => n.vi).join(' hoặc '), expectedEn: names.map((n) => n.en).join(' or ') };
}

/** What a failed oneOf/anyOf offered: the keys each branch requires, or its title. */
function branchNames(branches: unknown): Localized {
  const names = (Array.isArray(branches) ? branches : []).map((b: { required?: string[]; title?: string }) =>
    b.required?.length ? b.required.map((k) => `"${k}"`).join(' + ') : (b.title ?? '?'),
  );
  return { vi: names.join(' hoặc '), en: names.join(' or ') };
}

/** Keywords whose error is "past a limit": the code, with the limit as its parameter. */
const LIMIT_CODES: Record<string, string> = {
  minimum: 'below_minimum',
  exclusiveMinimum: 'below_minimum',
  maximum: 'above_maximum',
  exclusiveMaximum: 'above_maximum',
  minLength: 'too_short',
  maxLength: 'too_long',
  minItems: 'too_few_items',
  maxItems: 'too_many_items',
  minProperties: 'too_few_properties',
  maxProperties: 'too_many_properties',
};

type Mapped = { path: string; code: string; params?: Record<string, string | number> };

/** One Ajv error as a field error: the path names the field itself, not its parent object. */
function mapOne(e: ErrorObject, data: unknown): Mapped {
  const p = e.params as Record<string, unknown>;
  const path = e.instancePath || '/';
  const value = at(data, e.instancePath);
  switch (e.keyword) {
    case 'required':
      return {
        path: `${e.instancePath}/${segment(String(p.missingProperty))}`,
        code: 'required',
        params: { name: String(p.missingProperty) },
      };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { path: `${e.instancePath}/${segment(key)}`, code: 'unknown_key', params: { key } };
    }
    case 'type':
      if (p.type === 'integer' && typeof value === 'number') return { path, code: 'not_integer' };
      return { path, code: 'invalid_type', params: typeParams(p.type) };
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]).map((v) =>
        JSON.stringify(v),
      );
      return { path, code: 'invalid_option', params: { allowed: allowed.join(', ') } };
    }
    case 'uniqueItems':
      return { path: `${e.instancePath}/${Number(p.j)}`, code: 'duplicate_item' };
    case 'pattern':
      return { path, code: 'invalid_format', params: { value: String(value).slice(0, 80) } };
    case 'format':
      return {
        path,
        code: p.format === 'date' ? 'invalid_date' : 'invalid_format',
        params: { value: String(value).slice(0, 80) },
      };
    case 'oneOf':
    case 'anyOf': {
      const names = branchNames(e.schema);
      return { path, code: 'one_of', params: { options: names.vi, optionsEn: names.en } };
    }
    default: {
      const code = LIMIT_CODES[e.keyword];
      return code ? { path, code, params: { limit: String(p.limit) } } : { path, code: 'invalid_value' };
    }
  }
}

/**
 * Turns Ajv errors on a request part into field errors with the codes and bilingual texts of
 * survey validation. A failed oneOf/anyOf is one error at its own path, not one per branch; one
 * field gets one error (the first), so a wrong type does not also report its pattern.
 */
export function schemaErrors(errors: ErrorObject[], data: unknown): FieldError[] {
  const branches = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .map((e) => e.schemaPath + '/');
  const out: FieldError[] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || e.propertyName !== undefined) continue;
    if (branches.some((b) => e.schemaPath.startsWith(b))) continue;
    const m = mapOne(e, data);
    if (!out.some((o) => o.path === m.path))
      out.push({ path: m.path, code: m.code, message: serverMessage(m.code as MessageKey, m.params) });
  }
  return out;
}
