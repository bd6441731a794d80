import type { Localized } from '#api/text.js';
import { message } from './messages.js';
import { prepare } from './prepare.js';
import type { LocatedError, SurveyDefinition } from './types.js';
import { pointerSegment } from './walk.js';

/** The fields of an Ajv ErrorObject that are read here; surveys/schema-interpreter.ts emits the same. */
export interface SchemaErrorLike {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown> | object;
  propertyName?: string;
}

const TYPE_NAMES: Record<string, Localized> = {
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  number: { vi: 'một số', en: 'a number' },
  string: { vi: 'một chuỗi ký tự', en: 'text' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một đối tượng', en: 'an object' },
};

/**
 * Turns Ajv errors on a response into field-level errors: the path names the item
 * (/answers/A1, /units/departments/SO_TC/TC1), the code is stable, the message bilingual.
 */
export function responseErrors(
  definition: SurveyDefinition,
  data: unknown,
  errors: readonly SchemaErrorLike[],
): LocatedError[] {
  const p = prepare(definition);
  const out: LocatedError[] = [];
  const push = (path: string, code: string, params: Record<string, string | number> = {}): void => {
    if (!out.some((e) => e.path === path)) out.push({ path, code, message: message(code, params) });
  };
  for (const e of errors) {
    if (e.keyword === 'if' || e.propertyName !== undefined) continue;
    const params = e.params as Record<string, unknown>;
    const segments = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const itemDepth = segments[0] === 'units' ? 4 : 2;
    const path = '/' + segments.slice(0, itemDepth).map(pointerSegment).join('/');
    const itemPath = segments.length >= itemDepth ? path : undefined;
    const code = segments[itemDepth - 1];
    const item =
      code === undefined
        ? undefined
        : segments[0] === 'units'
          ? p.unitItems.get(segments[1] ?? '')?.get(code)
          : p.top.get(code);
    const type = item?.type;

    switch (e.keyword) {
      case 'required':
        push(`${e.instancePath}/${pointerSegment(String(params.missingProperty))}`, 'required');
        break;
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        push(`${e.instancePath}/${pointerSegment(key)}`, 'unknown_key', { key });
        break;
      }
      case 'propertyNames': {
        const value = String(params.propertyName);
        push(`${e.instancePath}/${pointerSegment(value)}`, 'unknown_unit', { value });
        break;
      }
      case 'maxProperties':
        push(e.instancePath, 'unknown_unit', { value: Object.keys(at(data, segments) ?? {}).join(', ') });
        break;
      case 'type': {
        if (!itemPath) {
          push(e.instancePath, 'not_an_object');
          break;
        }
        const value = at(data, segments);
        if (params.type === 'integer' && typeof value === 'number') push(itemPath, 'not_integer');
        else push(itemPath, 'invalid_type', expected(String(params.type)));
        break;
      }
      case 'enum':
      case 'false schema': {
        const value = String(at(data, segments));
        if (type === 'units') push(itemPath ?? path, 'unknown_unit', { value });
        else push(itemPath ?? path, type === 'rating' ? 'not_in_scale' : 'invalid_option');
        break;
      }
      case 'minimum':
      case 'formatMinimum':
        push(itemPath ?? path, 'below_minimum', { limit: String(params.limit) });
        break;
      case 'maximum':
      case 'formatMaximum':
        push(itemPath ?? path, 'above_maximum', { limit: String(params.limit) });
        break;
      case 'maxLength':
        push(itemPath ?? path, 'too_long', { limit: String(params.limit) });
        break;
      case 'format':
        push(itemPath ?? path, 'invalid_date', { value: String(at(data, segments)) });
        break;
      case 'minItems':
        push(itemPath ?? path, 'too_few_selections', { limit: String(params.limit) });
        break;
      case 'maxItems':
        if (e.schemaPath.includes('/then/')) {
          const exclusive = item && 'options' in item ? item.options.find((o) => o.exclusive) : undefined;
          push(itemPath ?? path, 'exclusive_option', { value: exclusive ? String(exclusive.code) : '' });
        } else push(itemPath ?? path, 'too_many_selections', { limit: String(params.limit) });
        break;
      case 'uniqueItems':
        push(itemPath ?? path, 'duplicate_selection');
        break;
      default:
        push(itemPath ?? path, 'invalid_type', expected('object'));
    }
  }
  return out;
}

function expected(type: string): Record<string, string> {
  const name = TYPE_NAMES[type] ?? { vi: type, en: type };
  return { expected: name.vi, expectedEn: name.en };
}

function at(data: unknown, segments: string[]): unknown {
  let node = data;
  for (const s of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}
