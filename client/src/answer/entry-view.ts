// The first page: what the survey is, the privacy notice, and the code (typed, or carried in the
// link's #fragment, which browsers never send to the server), or answering without a code.
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { SurveyEditionPayload } from '#api/collection.js';
import type { Localized } from '#api/text.js';
import { CODE_PROBLEM_MESSAGES, parseCode } from '#surveys/code-format.js';
import type { SurveyDefinition } from '#surveys/types.js';

export interface EntryView {
  payload: SurveyEditionPayload;
  t: (text: Localized) => string;
  date: (iso: string) => string;
  code: string;
  /** Shown under the field once the code has been submitted or is complete. */
  checked: boolean;
  busy: boolean;
  serverError: Localized | undefined;
  onInput: (code: string) => void;
  onSubmit: () => void;
  onOpenMode: () => void;
}

/** The local verdict on a typed code, before the server is asked. */
export function codeVerdict(code: string): { ok: boolean; message?: Localized } {
  const parsed = parseCode(code);
  return parsed.ok ? { ok: true } : { ok: false, message: CODE_PROBLEM_MESSAGES[parsed.problem] };
}

/** Groups a typed code for display: k7q2m9xd → K7Q2-M9XD. */
export const groupCode = (code: string): string =>
  (
    code
      .toUpperCase()
      .replace(/[\s\-_.]/g, '')
      .match(/.{1,4}/g) ?? []
  ).join('-');

export function privacyNotice(): TemplateResult {
  return html`<section class="notice" aria-labelledby="privacy-title">
    <h2 id="privacy-title">${msg('Your answers are anonymous', { id: 'answer.privacy.title' })}</h2>
    <p>
      ${msg('What is stored: your answers, the date you submit (not the time), and roughly how long answering took.', { id: 'answer.privacy.stored' })}
    </p>
    <p>
      ${msg('What is not stored with your answers: your name, your firm, your survey code, your IP address or the time of day.', { id: 'answer.privacy.not-stored' })}
    </p>
    <p>
      ${msg('The code only prevents answering twice. It is kept apart from the answers, so nobody, not even the administrators, can link your answers to your firm. Results are published only as totals over many firms.', { id: 'answer.privacy.unlinkable' })}
    </p>
    <p>
      ${msg('Until you submit, your answers are also kept in this browser and, with a code, as an encrypted draft on the server, so you can continue later on any device.', { id: 'answer.privacy.draft' })}
    </p>
  </section>`;
}

function windowLine(v: EntryView): TemplateResult {
  const e = v.payload.edition;
  return html`<p class="muted">
    ${msg(str`Open from ${v.date(e.opensOn)} to ${v.date(e.closesOn)}.`, { id: 'answer.window' })}
  </p>`;
}

function closed(v: EntryView): TemplateResult | undefined {
  const e = v.payload.edition;
  if (e.window === 'closed')
    return html`<p class="notice" role="status">
      ${msg(str`This survey closed on ${v.date(e.closesOn)}. Thank you for your interest.`, { id: 'answer.closed' })}
    </p>`;
  if (e.window === 'not_yet_open')
    return html`<p class="notice" role="status">
      ${msg(str`This survey opens on ${v.date(e.opensOn)}. Please come back then.`, { id: 'answer.not-open' })}
    </p>`;
  return undefined;
}

function codeForm(v: EntryView): TemplateResult {
  const verdict = codeVerdict(v.code);
  const compactLength = v.code.replace(/[\s\-_.]/g, '').length;
  // Speak up while typing only once the code is complete, or when a character can never be right.
  const local =
    !verdict.ok &&
    (v.checked || compactLength >= 14 || /[^0-9A-Za-z\s\-_.]/.test(v.code) || /u/i.test(v.code));
  const message = local ? verdict.message : v.serverError;
  return html`<form
    class="card"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      v.onSubmit();
    }}
  >
    <label class="label" for="code">${msg('Survey code', { id: 'answer.code.label' })}</label>
    <p class="help" id="code-help">
      ${msg('14 letters and digits from your letter, email or SMS, e.g. K7Q2-M9XD-4HTB-RZ. Case, spaces and hyphens do not matter.', { id: 'answer.code.help' })}
    </p>
    <input
      id="code"
      class="code-input ${message ? 'invalid' : ''}"
      type="text"
      autocomplete="off"
      autocapitalize="characters"
      spellcheck="false"
      .value=${v.code}
      aria-describedby="code-help code-status"
      aria-invalid=${message ? 'true' : 'false'}
      @input=${(e: Event) => v.onInput((e.target as HTMLInputElement).value)}
    />
    <div id="code-status" aria-live="polite">
      ${message ? html`<p class="error">${v.t(message)}</p>` : verdict.ok ? html`<p class="ok">✓ ${msg(str`Code ${groupCode(v.code)} is well formed.`, { id: 'answer.code.ok' })}</p>` : nothing}
    </div>
    <p>
      <button class="primary" type="submit" ?disabled=${v.busy}>
        ${v.busy ? msg('Checking…', { id: 'answer.code.checking' }) : msg('Start', { id: 'answer.start' })}
      </button>
    </p>
  </form>`;
}

export function renderEntry(v: EntryView): TemplateResult {
  const definition = v.payload.definition as SurveyDefinition;
  const shut = closed(v);
  return html`<h1 tabindex="-1">${v.t(definition.title)}</h1>
    ${windowLine(v)}
    <p>${v.t(definition.intro)}</p>
    ${
      shut ??
      html`${codeForm(v)}
      ${
        v.payload.edition.openMode
          ? html`<div class="card">
              <p>
                ${msg('No code? This survey also accepts answers without a code.', { id: 'answer.open-mode.text' })}
              </p>
              <button type="button" @click=${v.onOpenMode}>
                ${msg('Answer without a code', { id: 'answer.open-mode.button' })}
              </button>
            </div>`
          : nothing
      }`
    }
    ${privacyNotice()}`;
}

/** Reads and removes `#code=…` (the link form) so the code stays out of history and bookmarks. */
export function takeCodeFromFragment(): string | undefined {
  const m = /(?:^#|&)code=([^&]+)/.exec(location.hash);
  if (!m) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return decodeURIComponent(m[1]!);
}
