// The offer shown when a saved draft was restored and the respondent had got further than this page: a
// button to continue where they left off, rather than moving them there by itself (the draft may arrive while
// they read or answer, and a page that changes under their finger is a change of context nobody asked for).
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

export function renderResumeOffer(where: string, onGo: () => void): TemplateResult {
  return html`<div class="notice resume" role="status">
    <p>${msg('Your saved answers have been restored.', { id: 'answer.resume.restored' })}</p>
    <button class="primary" type="button" @click=${onGo}>
      ${msg(str`Continue where you left off: ${where}`, { id: 'answer.resume.continue' })}
    </button>
  </div>`;
}
