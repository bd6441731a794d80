// One input per question type of the format (surveys/types.ts), each in a card with its label or
// legend, help, and the validator's message next to it (linked by aria-describedby).
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Localized } from '#api/text.js';
import type {
  AnswerValue,
  ChoiceOption,
  MultipleChoiceQuestion,
  NumericQuestion,
  Question,
  RatingScale,
  UnitItem,
  UnitsQuestion,
} from '#surveys/types.js';
import { fillUnit, type Field } from './model.js';
import { unitFilter } from './unit-filter.js';
import { textLength, type CharCount } from './char-count.js';

export interface FieldView {
  field: Field;
  value: AnswerValue | undefined;
  /** Text in the current language. */
  t: (text: Localized) => string;
  error: Localized | undefined;
  unitName?: string | undefined;
  scale?: RatingScale | undefined;
  /** Units of a selector's block: code and display name. */
  units?: Array<{ code: string; name: string }> | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

/** A DOM id from a validator path (/units/departments/SO_TC/TR1 → f-units-departments-SO_TC-TR1). */
export const fieldId = (path: string): string => `f${path.replace(/[^A-Za-z0-9_]+/g, '-')}`;

export function renderField(v: FieldView): TemplateResult {
  const q = v.field.question;
  switch (q.type) {
    case 'single':
      return choice(v, q.options, 'radio');
    case 'multiple':
      return choice(v, q.options, 'checkbox');
    case 'rating':
      return rating(v);
    case 'units':
      return units(v, q);
    case 'numeric':
      return numeric(v, q);
    case 'text':
      return text(v, q.multiline === true, q.maxLength);
    case 'date':
      return date(v, q.minimum, q.maximum);
    default:
      return html``;
  }
}

function questionText(v: FieldView): TemplateResult {
  const q = v.field.question as Question | UnitItem;
  const required = 'required' in q && q.required === true;
  return html`${fillUnit(v.t(q.text), v.unitName)}${
    required
      ? html`<span aria-hidden="true"> *</span
          ><span class="sr-only"> ${msg('(required)', { id: 'answer.required' })}</span>`
      : nothing
  }`;
}

function help(v: FieldView, id: string): TemplateResult | typeof nothing {
  const q = v.field.question;
  return q.help ? html`<p class="help" id="${id}-help">${fillUnit(v.t(q.help), v.unitName)}</p>` : nothing;
}

function errorLine(v: FieldView, id: string): TemplateResult | typeof nothing {
  return v.error ? html`<p class="error" id="${id}-error">${v.t(v.error)}</p>` : nothing;
}

const describedBy = (v: FieldView, id: string): string =>
  [v.field.question.help ? `${id}-help` : '', v.error ? `${id}-error` : ''].filter(Boolean).join(' ');

function group(v: FieldView, body: TemplateResult, extra?: TemplateResult): TemplateResult {
  const id = fieldId(v.field.path);
  return html`<fieldset
    class="card ${v.error ? 'invalid' : ''}"
    id=${id}
    data-path=${v.field.path}
    aria-describedby=${describedBy(v, id) || nothing}
    aria-invalid=${v.error ? 'true' : 'false'}
  >
    <legend>${questionText(v)}</legend>
    ${help(v, id)}${extra ?? nothing}${body}${errorLine(v, id)}
  </fieldset>`;
}

function option(
  v: FieldView,
  type: 'radio' | 'checkbox',
  code: number | string,
  label: string,
  checked: boolean,
  onToggle: (on: boolean) => void,
  cls = '',
): TemplateResult {
  return html`<label class="option ${cls}">
    <input
      type=${type}
      name=${fieldId(v.field.path)}
      .value=${String(code)}
      .checked=${checked}
      @change=${(e: Event) => onToggle((e.target as HTMLInputElement).checked)}
    />
    <span>${label}</span>
  </label>`;
}

function choice(v: FieldView, options: ChoiceOption[], type: 'radio' | 'checkbox'): TemplateResult {
  const selected = Array.isArray(v.value) ? v.value : v.value === undefined ? [] : [v.value];
  const q = v.field.question as MultipleChoiceQuestion;
  const toggle = (o: ChoiceOption, on: boolean): void => {
    if (type === 'radio') return v.onChange(on ? o.code : undefined);
    // An exclusive option ("none of these") replaces the others, and another option replaces it.
    let next = on ? [...selected, o.code] : selected.filter((c) => c !== o.code);
    if (on) next = o.exclusive ? [o.code] : next.filter((c) => !options.find((x) => x.code === c)?.exclusive);
    v.onChange(next.length > 0 ? next : undefined);
  };
  const hint = type === 'checkbox' ? selectionHint(q.minSelections, q.maxSelections) : undefined;
  return group(
    v,
    html`<div class="options">
      ${options.map((o) =>
        option(v, type, o.code, v.t(o.label), selected.includes(o.code), (on) => toggle(o, on)),
      )}
    </div>`,
    hint ? html`<p class="help">${hint}</p>` : undefined,
  );
}

function selectionHint(min: number | undefined, max: number | undefined): string | undefined {
  if (max !== undefined && max > 0) return msg(str`Choose up to ${max}.`, { id: 'answer.choose-up-to' });
  if (min !== undefined && min > 1)
    return msg(str`Choose at least ${min}.`, { id: 'answer.choose-at-least' });
  return msg('Choose all that apply.', { id: 'answer.choose-all' });
}

function rating(v: FieldView): TemplateResult {
  const scale = v.scale;
  if (!scale) return html``;
  const points = scale.labels.map((label, i) =>
    option(v, 'radio', i + 1, `${i + 1} · ${v.t(label)}`, v.value === i + 1, (on) =>
      v.onChange(on ? i + 1 : undefined),
    ),
  );
  const dk = scale.dontKnow;
  return group(
    v,
    html`<div class="options scale">
      ${points}${
        dk
          ? option(
              v,
              'radio',
              dk.code,
              v.t(dk.label),
              v.value === dk.code,
              (on) => v.onChange(on ? dk.code : undefined),
              'dont-know',
            )
          : nothing
      }
    </div>`,
  );
}

function units(v: FieldView, q: UnitsQuestion): TemplateResult {
  const selected = Array.isArray(v.value) ? (v.value as string[]) : [];
  const list = v.units ?? [];
  const toggle = (code: string, on: boolean): void => {
    const next = on ? [...selected, code] : selected.filter((c) => c !== code);
    v.onChange(next.length > 0 ? next : undefined);
  };
  return group(
    v,
    html`<div class="options">
      ${list.map((u) =>
        option(v, 'checkbox', u.code, u.name, selected.includes(u.code), (on) => toggle(u.code, on)),
      )}
    </div>`,
    html`<p class="help">${selectionHint(q.minSelections, q.maxSelections)}</p>
      ${unitFilter(`${fieldId(v.field.path)}-filter`, list.length)}`,
  );
}

const UNIT_LABELS: Record<NumericQuestion['unit'], () => string> = {
  days: () => msg('days', { id: 'answer.unit.days' }),
  hours: () => msg('hours', { id: 'answer.unit.hours' }),
  percent: () => '%',
  count: () => msg('times', { id: 'answer.unit.count' }),
  vnd: () => msg('VND', { id: 'answer.unit.vnd' }),
  year: () => '',
};

/** What was typed: a number (comma or point as decimal mark), or the text itself so the validator names it. */
export function parseNumber(raw: string): number | string | undefined {
  const s = raw.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  const n = /^[-+]?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : NaN;
  return Number.isFinite(n) ? n : raw;
}

function labelled(
  v: FieldView,
  input: (id: string, describedby: string) => TemplateResult,
  suffix = '',
): TemplateResult {
  const id = fieldId(v.field.path);
  return html`<div class="card ${v.error ? 'invalid' : ''}" id=${id} data-path=${v.field.path}>
    <label class="label" for="${id}-input">${questionText(v)}</label>
    ${help(v, id)}
    <div>
      ${input(`${id}-input`, describedBy(v, id))}${suffix ? html`<span class="suffix">${suffix}</span>` : nothing}
    </div>
    ${errorLine(v, id)}
  </div>`;
}

function numeric(v: FieldView, q: NumericQuestion): TemplateResult {
  const shown = typeof v.value === 'number' ? String(v.value) : typeof v.value === 'string' ? v.value : '';
  return labelled(
    v,
    (id, by) =>
      html`<input
        type="text"
        id=${id}
        inputmode=${q.integer ? 'numeric' : 'decimal'}
        autocomplete="off"
        style="max-width: 160px"
        .value=${shown}
        aria-describedby=${by || nothing}
        aria-invalid=${v.error ? 'true' : 'false'}
        @change=${(e: Event) => v.onChange(parseNumber((e.target as HTMLInputElement).value))}
      />`,
    UNIT_LABELS[q.unit](),
  );
}

function text(v: FieldView, multiline: boolean, max: number): TemplateResult {
  const value = typeof v.value === 'string' ? v.value : '';
  const change = (e: Event): void => v.onChange((e.target as HTMLInputElement).value);
  // The counter follows each keystroke; the answer itself is taken on change, as for the other inputs.
  const typed = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const counter = input.parentElement?.querySelector<CharCount>('ci-char-count');
    if (counter) counter.length = textLength(input.value);
  };
  const counter = html`<ci-char-count .length=${textLength(value)} .max=${max}></ci-char-count>`;
  return labelled(
    v,
    (id, by) =>
      html`${
        multiline
          ? html`<textarea
              id=${id}
              .value=${value}
              aria-describedby=${by || nothing}
              aria-invalid=${v.error ? 'true' : 'false'}
              @input=${typed}
              @change=${change}
            ></textarea>`
          : html`<input
              type="text"
              id=${id}
              .value=${value}
              aria-describedby=${by || nothing}
              aria-invalid=${v.error ? 'true' : 'false'}
              @input=${typed}
              @change=${change}
            />`
      }${counter}`,
  );
}

function date(v: FieldView, min: string | undefined, max: string | undefined): TemplateResult {
  const value = typeof v.value === 'string' ? v.value : '';
  return labelled(
    v,
    (id, by) =>
      html`<input
        type="date"
        id=${id}
        .value=${value}
        min=${min ?? nothing}
        max=${max ?? nothing}
        aria-describedby=${by || nothing}
        aria-invalid=${v.error ? 'true' : 'false'}
        @change=${(e: Event) => v.onChange((e.target as HTMLInputElement).value || undefined)}
      />`,
  );
}
