// Survey code format, shared with the browser: no Node imports.
//
// A code is 13 random symbols (65 bits) from Crockford's base32 alphabet (no I, L, O, U) plus one
// check symbol, written in groups of four: K7Q2-M9XD-4HTB-RZ. The check is Damm's algorithm over
// the totally anti-symmetric quasigroup x∘y = 2·x + y in GF(32) (Damm 2004, §4 construction), which
// detects every single substitution and every transposition of adjacent symbols, including the
// check symbol itself.

import type { Localized } from '#api/text.js';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random symbols per code; 13 × 5 = 65 bits. */
export const CODE_PAYLOAD_LENGTH = 13;
export const CODE_LENGTH = CODE_PAYLOAD_LENGTH + 1;

const VALUE = new Map<string, number>([...CODE_ALPHABET].map((c, i) => [c, i]));
// Crockford's decoding of look-alikes: O reads as zero, I and L as one.
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

// Multiplication by x in GF(2^5) modulo the primitive polynomial x^5 + x^2 + 1.
function times2(v: number): number {
  const shifted = v << 1;
  return (shifted & 0x20 ? shifted ^ 0x25 : shifted) & 0x1f;
}

function fold(values: readonly number[]): number {
  let interim = 0;
  for (const v of values) interim = times2(interim) ^ v;
  return interim;
}

/** The check symbol for payload symbols (values 0–31). */
export function checkValue(values: readonly number[]): number {
  // interim∘c = 2·interim + c = 0 in characteristic 2, so c = 2·interim.
  return times2(fold(values));
}

/** Formats 13 payload values as a grouped code with its check symbol. */
export function formatCode(values: readonly number[]): string {
  if (values.length !== CODE_PAYLOAD_LENGTH || values.some((v) => !Number.isInteger(v) || v < 0 || v > 31)) {
    throw new RangeError(`a code needs ${CODE_PAYLOAD_LENGTH} values from 0 to 31`);
  }
  const symbols = [...values, checkValue(values)].map((v) => CODE_ALPHABET[v]).join('');
  return symbols.match(/.{1,4}/g)!.join('-');
}

export type CodeProblem = 'empty' | 'invalid_character' | 'wrong_length' | 'check_failed';

export type ParsedCode = { ok: true; code: string } | { ok: false; problem: CodeProblem };

/**
 * Normalises what a person typed (case, spaces, hyphens, O/I/L look-alikes) and verifies the check
 * symbol. `code` is the canonical 14-symbol form without separators, the input to the keyed hash.
 */
export function parseCode(input: string): ParsedCode {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/[OIL]/g, (c) => LOOK_ALIKES[c]!);
  if (compact.length === 0) return { ok: false, problem: 'empty' };
  if ([...compact].some((c) => !VALUE.has(c))) return { ok: false, problem: 'invalid_character' };
  if (compact.length !== CODE_LENGTH) return { ok: false, problem: 'wrong_length' };
  const values = [...compact].map((c) => VALUE.get(c)!);
  if (fold(values) !== 0) return { ok: false, problem: 'check_failed' };
  return { ok: true, code: compact };
}

/** Bilingual messages for a code that fails the local check, shown before the server is asked. */
export const CODE_PROBLEM_MESSAGES: Record<CodeProblem, Localized> = {
  empty: { vi: 'Vui lòng nhập mã khảo sát.', en: 'Please enter your survey code.' },
  invalid_character: {
    vi: 'Mã khảo sát chỉ gồm chữ số và chữ cái (không có U).',
    en: 'A survey code has only digits and letters (no U).',
  },
  wrong_length: {
    vi: `Mã khảo sát có ${CODE_LENGTH} ký tự, ví dụ K7Q2-M9XD-4HTB-RZ.`,
    en: `A survey code has ${CODE_LENGTH} characters, e.g. K7Q2-M9XD-4HTB-RZ.`,
  },
  check_failed: {
    vi: 'Mã khảo sát có lỗi đánh máy; vui lòng kiểm tra lại từng ký tự.',
    en: 'The survey code has a typing error; please check each character.',
  },
};
