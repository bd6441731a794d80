// A search box over a long unit list (a province has dozens of communes): typing hides the units
// whose name does not match, ignoring Vietnamese diacritics ("hong gai" finds "Hồng Gai"). Chosen
// units always stay visible. It only hides labels in the DOM, so the answers are untouched.
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

const LONG_LIST = 12;

/** Lower case without diacritics, đ as d. */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

export function unitFilter(id: string, count: number): TemplateResult | typeof nothing {
  if (count <= LONG_LIST) return nothing;
  return html`<label class="label filter" for=${id}
      >${msg('Find a unit by name', { id: 'answer.units.filter' })}</label
    >
    <input type="search" id=${id} autocomplete="off" @input=${filter} />`;
}

function filter(e: Event): void {
  const input = e.target as HTMLInputElement;
  const query = fold(input.value.trim());
  for (const label of input.closest('fieldset')?.querySelectorAll<HTMLLabelElement>('label.option') ?? []) {
    label.hidden =
      query !== '' && !fold(label.textContent ?? '').includes(query) && !label.querySelector('input:checked');
  }
}
