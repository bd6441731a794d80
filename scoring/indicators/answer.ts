// Reads one answer without trusting the record: inherited keys ("constructor", "__proto__") are not answers.

import type { AnswerValue } from './types.js';

/** readAnswer(record, item) gives the own value of item, or null when absent; throws on a non-answer value. */
export function readAnswer(
  record: Readonly<Record<string, AnswerValue | undefined>> | undefined,
  item: string,
  where: string,
): AnswerValue {
  if (record == null) return null;
  const value = record[item];
  if (value === undefined || value === null) return null;
  const type = typeof value;
  if (type === 'number' || type === 'string') return value;
  if (!Object.hasOwn(record, item)) return null;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new TypeError(`${where}.${item} is not a number, string, string array or null`);
}
