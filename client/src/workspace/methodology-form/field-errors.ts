import { html, nothing } from 'lit';
import type { FieldError } from '#api/errors.js';
import { currentLang } from '#client/src/shared/localize.js';

/** The server's problems at or below `pointer` (a JSON pointer into the methodology). */
export function errorsAt(details: readonly FieldError[], pointer: string): FieldError[] {
  const at = `/methodology${pointer}`;
  return details.filter((d) => d.path === at || d.path.startsWith(`${at}/`));
}

/** The problems beside the field they belong to, in the page's language. */
export function fieldErrors(details: readonly FieldError[], pointer: string, id?: string) {
  const found = errorsAt(details, pointer);
  if (!found.length) return nothing;
  const lang = currentLang();
  return html`<ul class="field-errors" id=${id ?? nothing} role="alert">
    ${found.map((d) => html`<li>${d.message[lang]}</li>`)}
  </ul>`;
}

/** A number field's value: undefined when empty or not a number. */
export const numberOf = (e: Event): number | undefined => {
  const v = (e.target as HTMLInputElement).value.trim();
  return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
};

export const fieldStyles = `
  .field-errors { color: #a4161a; margin: 0.25rem 0 0; padding-left: 1.1rem; font-size: 0.85rem; }
  td input[type='number'] { width: 6.5rem; }
  td select { max-width: 14rem; }
  .params { display: flex; flex-wrap: wrap; gap: 0.4rem; }
  /* Phones: each row becomes a stacked card (every field keeps its own label for screen readers). */
  @media (max-width: 640px) {
    thead { display: none; }
    tr { display: block; border-bottom: 1px solid var(--line, #dde3ea); padding: 0.5rem 0; }
    td { display: block; border: 0; padding: 0.2rem 0; }
    td select { max-width: 100%; }
  }
`;
