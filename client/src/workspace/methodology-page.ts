import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import type { MethodologyList, PreviewData } from '#api/admin-methodology.js';
import type { IndicatorTable } from '#scoring/indicators/types.js';
import type { Role } from '#api/admin-users.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { currentLang } from '#client/src/shared/localize.js';
import { admin } from './api.js';
import { previewRanking, type PreviewRow } from './preview.js';
import { problems } from './problems.js';
import { wsStyles } from './styles.js';
import './publish-panel.js';
import './sensitivity/panel.js';
import './methodology-form/normaliser-fields.js';
import './methodology-form/tier-fields.js';
import { WsError } from './api.js';

/** The methodology editor: weights and thresholds as a form, the raw JSON checked at the node, and a live preview ranking. */
export class WsMethodology extends LitElement {
  static override styles = wsStyles;
  static override properties = {
    family: {},
    year: { type: Number },
    role: {},
    _m: { state: true },
    _text: { state: true },
    _data: { state: true },
    _error: { state: true },
    _sensitivity: { state: true },
    _list: { state: true },
    _jsonError: { state: true },
    _draft: { state: true },
  };
  /** What the form and the JSON show, checked or not; `_m` is the last one the server accepted. */
  declare _draft: Methodology | undefined;
  declare _jsonError: unknown;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  declare family: string;
  declare year: number;
  declare role: Role;
  declare _m: Methodology | undefined;
  declare _text: string;
  declare _data: PreviewData<IndicatorTable> | undefined;
  declare _error: unknown;
  declare _sensitivity: boolean;
  declare _list: MethodologyList | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._text = '';
    this._sensitivity = false;
  }

  private get _base(): string {
    return `/families/${encodeURIComponent(this.family)}/editions/${this.year}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._list = await admin<MethodologyList>('GET', `${this._base}/methodologies`);
      const latest = this._list.versions[0];
      const m = latest
        ? (await admin<{ methodology: Methodology }>('GET', `/methodologies/${latest.id}`)).methodology
        : (this._list.template as Methodology);
      this._set(m);
      this._data = await admin<PreviewData<IndicatorTable>>('POST', `${this._base}/preview-data`, {
        body: { methodology: m },
      });
    } catch (err) {
      this._error = err;
    }
  }

  private _set(m: Methodology): void {
    this._m = m;
    this._draft = m;
    this._text = JSON.stringify(m, null, 2);
  }

  /** A form edit: shown at once, previewed once the server accepts it (its problems show at the field). */
  private _edit(m: Methodology): void {
    this._draft = m;
    this._text = JSON.stringify(m, null, 2);
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._checkText(), 250);
  }

  /**
   * Raw JSON: kept as typed and checked by the server with scoring/'s schema and rules (the page's
   * CSP forbids compiling the schema here); when it passes, it becomes the methodology previewed.
   */
  private _onText(e: Event): void {
    this._text = (e.target as HTMLTextAreaElement).value;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._checkText(), 400);
  }

  private async _checkText(): Promise<void> {
    let parsed: Methodology;
    try {
      parsed = JSON.parse(this._text) as Methodology;
    } catch {
      return;
    }
    this._draft = parsed;
    try {
      this._data = await admin<PreviewData<IndicatorTable>>('POST', `${this._base}/preview-data`, {
        body: { methodology: parsed },
      });
      this._m = parsed;
      this._jsonError = undefined;
    } catch (err) {
      this._jsonError = err;
    }
  }

  private _weight(code: string, value: number): void {
    const m = structuredClone(this._draft ?? this._m!);
    m.tree.children.find((c) => c.code === code)!.weight = value;
    this._set(m);
  }

  private _jsonProblems() {
    try {
      JSON.parse(this._text);
    } catch (e) {
      return html`<p class="error" role="alert">
        ${msg('Not valid JSON', { id: 'ws.method.badJson' })}: ${(e as Error).message}
      </p>`;
    }
    return this._jsonError
      ? problems(this._jsonError)
      : html`<p class="ok">${msg('The methodology passes every check.', { id: 'ws.method.valid' })}</p>`;
  }

  private _form(m: Methodology) {
    const lang = currentLang();
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
      ${m.tree.children.map(
        (c) =>
          html`<label
            >${c.name[lang]}
            <input
              type="number"
              min="0"
              step="0.5"
              .value=${String(c.weight)}
              @input=${(e: Event) => this._weight(c.code, Number((e.target as HTMLInputElement).value))}
          /></label>`,
      )}
      <label
        >${msg('Minimum respondents per unit', { id: 'ws.method.minResp' })}
        <input
          type="number"
          min="1"
          .value=${String(m.minRespondents ?? '')}
          @input=${(e: Event) => this._set({ ...structuredClone(m), minRespondents: Number((e.target as HTMLInputElement).value) })}
      /></label>
    </form>`;
  }

  private _table(block: string, rows: PreviewRow[]) {
    const lang = currentLang();
    const arrow = (c: number | null) => (c === null ? '—' : c > 0 ? `▲ ${c}` : c < 0 ? `▼ ${-c}` : '=');
    return html`<h3>${block}</h3>
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th>${msg('Rank', { id: 'ws.method.rank' })}</th>
              <th>${msg('Unit', { id: 'ws.method.unit' })}</th>
              <th>${msg('Score', { id: 'ws.method.score' })}</th>
              <th>${msg('Change against the release', { id: 'ws.method.change' })}</th>
              ${this._sensitivity ? html`<th>${msg('Rank range without one sub-index', { id: 'ws.method.range' })}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr>
                  <td>${r.rank ?? '—'}</td>
                  <td>${r.name?.[lang] ?? r.code}</td>
                  <td>${r.score === null ? '—' : r.score.toFixed(2)}</td>
                  <td>${arrow(r.change)}</td>
                  ${this._sensitivity ? html`<td>${r.range ? `${r.range[0]}–${r.range[1]}` : '—'}</td>` : nothing}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private _rules() {
    const draft = this._draft ?? this._m!;
    const details = this._jsonError instanceof WsError ? this._jsonError.details : [];
    const edit = (e: CustomEvent<Methodology>) => this._edit(e.detail);
    return html`<section class="card">
        <h2>${msg('Normalisers and benchmarks', { id: 'ws.rules.normTitle' })}</h2>
        <ws-normaliser-fields .methodology=${draft} .details=${details} @edit=${edit}></ws-normaliser-fields>
      </section>
      <section class="card">
        <h2>${msg('Tiers', { id: 'ws.rules.tiers' })}</h2>
        <ws-tier-fields .methodology=${draft} .details=${details} @edit=${edit}></ws-tier-fields>
      </section>`;
  }

  override render() {
    const m = this._m;
    if (!m)
      return html`${problems(this._error)}
        <p>${msg('Loading…', { id: 'ws.loading' })}</p>`;
    let preview: Record<string, PreviewRow[]> | undefined;
    let failure = '';
    if (this._data) {
      try {
        preview = previewRanking(m, this._data, this._sensitivity);
      } catch (e) {
        failure = (e as Error).message;
      }
    }
    return html`<h1>${msg('Methodology', { id: 'ws.method.title' })}: ${this.family} ${this.year}</h1>
      ${problems(this._error)}
      <section class="card">
        <h2>${msg('Weights of the sub-indices', { id: 'ws.method.weights' })}</h2>
        ${this._form(m)}
      </section>
      <section class="card" id="preview">
        <h2>${msg('Preview ranking (computed in your browser)', { id: 'ws.method.preview' })}</h2>
        <label style="flex-direction: row; align-items: center; gap: 0.4rem"
          ><input
            type="checkbox"
            .checked=${this._sensitivity}
            @change=${(e: Event) => (this._sensitivity = (e.target as HTMLInputElement).checked)}
          />
          ${msg('Show how ranks move when a sub-index is left out', { id: 'ws.method.sensitivity' })}</label
        >
        ${failure ? html`<p class="error">${failure}</p>` : nothing}
        ${preview ? Object.entries(preview).map(([b, rows]) => this._table(b, rows)) : html`<p class="muted">${msg('Loading…', { id: 'ws.loading' })}</p>`}
      </section>
      <ws-sensitivity .methodology=${m} .data=${this._data}></ws-sensitivity>
      ${this._rules()}
      <section class="card">
        <h2>${msg('Raw JSON', { id: 'ws.method.raw' })}</h2>
        <label
          >${msg('Methodology (JSON)', { id: 'ws.method.json' })}<textarea
            rows="14"
            spellcheck="false"
            style="width: 100%; font-family: monospace"
            .value=${this._text}
            @input=${this._onText}
          ></textarea>
        </label>
        ${this._jsonProblems()}
      </section>
      <ws-publish
        .family=${this.family}
        .year=${this.year}
        .methodology=${m}
        .list=${this._list}
        .role=${this.role}
        @saved=${() => this._load()}
      ></ws-publish>`;
  }
}
customElements.define('ws-methodology', WsMethodology);
