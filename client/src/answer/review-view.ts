// The review page (every answer by section, with links back to edit) and the confirmation page.
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Localized } from '#api/text.js';
import type { AnswerValue, RatingScale, SurveyDefinition, SurveyResponse } from '#surveys/types.js';
import { resolveScale } from '#surveys/walk.js';
import { fields, fillUnit, valueAt, type Field, type Page } from './model.js';

export interface ReviewView {
  definition: SurveyDefinition;
  pages: Page[];
  response: SurveyResponse;
  t: (text: Localized) => string;
  number: (n: number) => string;
  unitName: (block: string, code: string) => string;
  pageTitle: (page: Page) => string;
  onEdit: (page: Page, field: Field) => void;
}

export function answerText(v: ReviewView, field: Field, value: AnswerValue | undefined): string {
  if (value === undefined) return msg('Not answered', { id: 'answer.review.none' });
  const q = field.question;
  const list = Array.isArray(value) ? value : [value];
  switch (q.type) {
    case 'single':
    case 'multiple':
      return list
        .map((c) => {
          const o = q.options.find((x) => x.code === c);
          return o ? v.t(o.label) : String(c);
        })
        .join('; ');
    case 'rating': {
      const scale = resolveScale(v.definition, q.scale) as RatingScale;
      if (scale.dontKnow && value === scale.dontKnow.code) return v.t(scale.dontKnow.label);
      const label = scale.labels[(value as number) - 1];
      return label ? `${String(value)} · ${v.t(label)}` : String(value);
    }
    case 'units':
      return list.map((c) => v.unitName(q.block, String(c))).join('; ');
    case 'numeric':
      return typeof value === 'number' ? v.number(value) : String(value);
    default:
      return String(value);
  }
}

export function renderReview(
  v: ReviewView,
  onSubmit: () => void,
  busy: TemplateResult | typeof nothing,
): TemplateResult {
  return html`<h1 tabindex="-1">${msg('Check your answers', { id: 'answer.review.title' })}</h1>
    <p>
      ${msg('Nothing is sent until you press Submit. Use Edit to change an answer.', { id: 'answer.review.intro' })}
    </p>
    ${v.pages.map((page) => {
      const fs = fields(v.definition, page, v.response);
      const unit = page.kind === 'unit' ? v.unitName(page.block, page.unit) : undefined;
      return html`<section class="card" aria-label=${v.pageTitle(page)}>
        <h2>${v.pageTitle(page)}</h2>
        <dl class="review">
          ${fs.map(
            (f) =>
              html`<div class="row-item">
                <dt>${fillUnit(v.t(f.question.text), unit)}</dt>
                <dd class="row">
                  <span>${answerText(v, f, valueAt(v.response, f))}</span>
                  <button type="button" class="edit" @click=${() => v.onEdit(page, f)}>
                    ${msg('Edit', { id: 'answer.review.edit' })}<span class="sr-only"
                      >: ${fillUnit(v.t(f.question.text), unit)}</span
                    >
                  </button>
                </dd>
              </div>`,
          )}
        </dl>
      </section>`;
    })}
    ${busy}
    <div class="nav">
      <span></span
      ><button class="primary" type="button" @click=${onSubmit}>
        ${msg('Submit', { id: 'answer.submit' })}
      </button>
    </div>`;
}

/** A response was already submitted with the code. */
export function renderUsed(): TemplateResult {
  return html`<h1 tabindex="-1">${msg('This code has already been used', { id: 'answer.used.title' })}</h1>
    <p>
      ${msg('A response has already been submitted with this code, so it cannot be used again. If you did not submit it, please contact the survey team.', { id: 'answer.used.text' })}
    </p>`;
}

export function renderDone(): TemplateResult {
  return html`<h1 tabindex="-1">
      ${msg('Thank you, your answers have been received', { id: 'answer.done.title' })}
    </h1>
    <div class="card" role="status">
      <p>
        ${msg('Your response is stored anonymously, apart from your code, which can no longer be used.', { id: 'answer.done.stored' })}
      </p>
      <p>
        ${msg('What happens next: when the survey closes, the province computes the index from all responses. Results are published on this site only as totals over many firms, with their margins of uncertainty; no single answer is ever shown.', { id: 'answer.done.next' })}
      </p>
      <p>
        ${msg('The departments and local governments use the results to see where firms find procedures slow, costly or unclear, and to improve them.', { id: 'answer.done.use' })}
      </p>
    </div>
    <p><a class="button" href="/">${msg('Go to the results site', { id: 'answer.done.home' })}</a></p>`;
}
