import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { currentLang } from '#client/src/shared/localize.js';
import { WsError } from './api.js';

/** A refused request as a notice: the server's message and each field problem with its path. */
export function problems(err: unknown): TemplateResult | typeof nothing {
  if (!err) return nothing;
  if (!(err instanceof WsError)) return html`<p class="error" role="alert">${String(err)}</p>`;
  if (err.status === 0)
    return html`<p class="error" role="alert">
      ${msg('The server cannot be reached. Check the connection and try again.', { id: 'ws.err.network' })}
    </p>`;
  const lang = currentLang();
  const details = err.details;
  return html`<div class="error" role="alert">
    <p>${err.body?.error.messages?.[lang] ?? err.message}</p>
    ${
      details.length
        ? html`<ul>
            ${details.map((d) => html`<li><code>${d.path}</code>: ${d.message[lang]}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}
