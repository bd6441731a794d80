// The sticky header: survey title, save status (announced politely), language switch, and the
// progress bar over the questions that apply after skip logic.
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Lang } from '#api/text.js';
import { currentLang } from '#client/src/shared/localize.js';
import type { SaveStatus } from './store.js';

export interface HeaderView {
  title: string | undefined;
  progress: { answered: number; total: number } | undefined;
  status: SaveStatus;
  waitingOffline: boolean;
  onLang: (lang: Lang) => void;
}

export function renderHeader(v: HeaderView): TemplateResult {
  const lang = currentLang();
  const p = v.progress;
  const pct = p && p.total > 0 ? Math.round((100 * p.answered) / p.total) : 0;
  return html`<header>
    <div class="bar">
      <span class="brand">${v.title ?? msg('Business survey', { id: 'answer.brand' })}</span>
      <span class="status ${v.status}" role="status" aria-live="polite">${statusText(v)}</span>
      <span class="langs" role="group" aria-label=${msg('Language', { id: 'answer.language' })}>
        <button type="button" lang="vi" aria-pressed=${lang === 'vi'} @click=${() => v.onLang('vi')}>
          Tiếng Việt
        </button>
        <button type="button" lang="en" aria-pressed=${lang === 'en'} @click=${() => v.onLang('en')}>
          English
        </button>
      </span>
    </div>
    ${
      p
        ? html`<div class="progress">
            <div
              class="track"
              role="progressbar"
              aria-label=${msg('Questions answered', { id: 'answer.progress.label' })}
              aria-valuemin="0"
              aria-valuemax=${p.total}
              aria-valuenow=${p.answered}
            >
              <div class="fill" style="width: ${pct}%"></div>
            </div>
            <span
              >${msg(str`${p.answered} of ${p.total} applicable questions answered`, { id: 'answer.progress' })}</span
            >
          </div>`
        : nothing
    }
  </header>`;
}

function statusText(v: HeaderView): string {
  if (v.waitingOffline)
    return msg('Offline — your answers are sent when the connection is back', { id: 'answer.status.queued' });
  switch (v.status) {
    case 'saving':
      return msg('Saving…', { id: 'answer.status.saving' });
    case 'saved':
      return msg('Saved', { id: 'answer.status.saved' });
    case 'offline':
      return msg('Offline — will retry', { id: 'answer.status.offline' });
    case 'error':
      return msg('Not saved on the server; kept on this device', { id: 'answer.status.error' });
    default:
      return '';
  }
}
