// One page of questions: the unit's name always in view on per-unit pages, an error summary at the
// top after a failed "Next", the fields, and back/next.
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Localized } from '#api/text.js';
import type { LocatedError, SurveyDefinition, SurveyResponse } from '#surveys/types.js';
import { resolveScale } from '#surveys/walk.js';
import { fields, fillUnit, valueAt, type Field, type Page } from './model.js';
import { fieldId, renderField } from './widgets.js';

export interface PageView {
  definition: SurveyDefinition;
  page: Page;
  index: number;
  count: number;
  response: SurveyResponse;
  errors: LocatedError[];
  /** Errors listed in the summary (set after a failed "Next"). */
  summary: boolean;
  t: (text: Localized) => string;
  unitName: (block: string, code: string) => string;
  units: (block: string) => Array<{ code: string; name: string }>;
  onChange: (field: Field, value: unknown) => void;
  onBack: () => void;
  onNext: () => void;
  isLast: boolean;
}

function errorSummary(v: PageView, fs: Field[]): TemplateResult | typeof nothing {
  if (!v.summary || v.errors.length === 0) return nothing;
  const unit = v.page.kind === 'unit' ? v.unitName(v.page.block, v.page.unit) : undefined;
  const listed = fs.flatMap((f) => {
    const e = v.errors.find((x) => x.path === f.path);
    return e ? [{ f, e }] : [];
  });
  return html`<div
    class="summary"
    id="error-summary"
    tabindex="-1"
    role="alert"
    aria-labelledby="error-summary-title"
  >
    <h2 id="error-summary-title">
      ${msg(str`Please correct ${listed.length} answer(s) on this page`, { id: 'answer.errors.title' })}
    </h2>
    <ul>
      ${listed.map(
        ({ f, e }) =>
          html`<li>
            <a href="#${fieldId(f.path)}" @click=${(ev: Event) => focusField(ev, f.path)}>
              ${fillUnit(v.t(f.question.text), unit)}: ${v.t(e.message)}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Moves focus to a field's first input (links inside a shadow root do not scroll by themselves). */
export function focusField(ev: Event | undefined, path: string, root?: ShadowRoot | null): void {
  ev?.preventDefault();
  const host = root ?? ((ev?.target as Element | undefined)?.getRootNode() as ShadowRoot | undefined);
  const box = host?.getElementById(fieldId(path));
  const input = box?.querySelector<HTMLElement>('input:checked, input, textarea') ?? box;
  box?.scrollIntoView({ block: 'center' });
  input?.focus();
}

export function renderPage(v: PageView): TemplateResult {
  const fs = fields(v.definition, v.page, v.response);
  const page = v.page;
  const unit = page.kind === 'unit' ? v.unitName(page.block, page.unit) : undefined;
  // The unit's name is shown once, in the bar that stays in view while the page scrolls; the heading names it
  // for screen readers only (the bar is hidden from them, so it is not read twice either).
  return html` ${errorSummary(v, fs)}
    ${unit ? html`<div class="sticky-unit" aria-hidden="true">${unit}</div>` : nothing}
    <h1 tabindex="-1">
      ${unit ? html`<span class="sr-only">${unit}: </span>` : nothing}${v.t(page.section.title)}
    </h1>
    ${page.section.description ? html`<p class="muted">${v.t(page.section.description)}</p>` : nothing}
    ${page.kind === 'unit' ? html`<p class="muted">${fillUnit(v.t(page.question.text), unit)}</p>` : nothing}
    <p class="sr-only" aria-live="polite">
      ${msg(str`Page ${v.index + 1} of ${v.count}`, { id: 'answer.page-of' })}
    </p>
    ${fs.map((f) => {
      const q = f.question;
      return renderField({
        field: f,
        value: valueAt(v.response, f),
        t: v.t,
        error: v.errors.find((e) => e.path === f.path)?.message,
        unitName: unit,
        scale: q.type === 'rating' ? resolveScale(v.definition, q.scale) : undefined,
        units: q.type === 'units' ? v.units(q.block) : undefined,
        onChange: (value) => v.onChange(f, value),
      });
    })}
    <div class="nav">
      <button type="button" @click=${v.onBack}>${msg('Back', { id: 'answer.back' })}</button>
      <button type="button" class="primary" @click=${v.onNext}>
        ${v.isLast ? msg('Review answers', { id: 'answer.to-review' }) : msg('Next', { id: 'answer.next' })}
      </button>
    </div>`;
}
