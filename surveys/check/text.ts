import type { Localized } from '#api/text.js';
import { message } from '#surveys/messages.js';
import type { LocatedError, SurveyDefinition } from '#surveys/types.js';
import { pointerSegment, questionSites } from '#surveys/walk.js';

const LANGUAGES = [
  { key: 'vi', vi: 'Việt', en: 'Vietnamese' },
  { key: 'en', vi: 'Anh', en: 'English' },
] as const;

/**
 * Every user-facing text has both languages, the same placeholders in each, and `{unit}` only
 * inside per-unit rating blocks (where the renderer knows which unit it is).
 */
export function checkText(definition: SurveyDefinition): LocatedError[] {
  const errors: LocatedError[] = [];
  const unitScopes = questionSites(definition)
    .filter((s) => s.question.type === 'unitRatings')
    .map((s) => `${s.path}/`);

  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${path}/${i}`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (isText(record)) {
      checkOne(record, path, unitScopes, errors);
      return;
    }
    for (const key of Object.keys(record)) visit(record[key], `${path}/${pointerSegment(key)}`);
  };
  visit(definition, '');
  return errors;
}

function isText(record: Record<string, unknown>): record is Record<string, unknown> & Localized {
  const keys = Object.keys(record);
  return keys.length === 2 && typeof record.vi === 'string' && typeof record.en === 'string';
}

function checkOne(text: Localized, path: string, unitScopes: string[], errors: LocatedError[]): void {
  for (const language of LANGUAGES) {
    if (text[language.key].trim() === '') {
      errors.push({
        path: `${path}/${language.key}`,
        code: 'missing_translation',
        message: message('missing_translation', { language: language.vi, languageEn: language.en }),
      });
    }
  }
  const vi = placeholders(text.vi);
  const en = placeholders(text.en);
  if (text.vi.trim() !== '' && text.en.trim() !== '' && vi.join() !== en.join()) {
    const all = [...new Set([...vi, ...en])].map((p) => `{${p}}`).join(', ');
    errors.push({
      path,
      code: 'placeholder_mismatch',
      message: message('placeholder_mismatch', { placeholders: all }),
    });
  }
  if ((vi.includes('unit') || en.includes('unit')) && !unitScopes.some((scope) => path.startsWith(scope))) {
    errors.push({ path, code: 'misplaced_placeholder', message: message('misplaced_placeholder') });
  }
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
}
