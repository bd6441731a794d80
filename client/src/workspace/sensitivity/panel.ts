import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import type { PreviewData } from '#api/admin-methodology.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { IndicatorTable } from '#scoring/indicators/types.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import { currentLang } from '#client/src/shared/localize.js';
import { wsStyles } from '#client/src/workspace/styles.js';
import type { MonteCarloRequest, MonteCarloResult } from './monte-carlo.js';
import { robustRows, type RobustRow } from './rows.js';
import { CancelledRun, startMonteCarlo, type MonteCarloRun } from './run.js';
import './chart.js';

const RUNS = [200, 1000, 5000, 20000];

/**
 * The sensitivity view's Monte Carlo: the weights are drawn around the edited ones (× U(1 − p, 1 + p))
 * and every draw ranks the units again, in a worker; per unit the nominal rank and the 5–95 %
 * interval, as a chart and a table, beside the rank range when one sub-index is removed.
 */
export class WsSensitivity extends LitElement {
  static override styles = [
    wsStyles,
    css`
      progress {
        width: min(20rem, 100%);
      }
    `,
  ];
  static override properties = {
    methodology: { attribute: false },
    data: { attribute: false },
    _runs: { state: true },
    _noise: { state: true },
    _level: { state: true },
    _progress: { state: true },
    _result: { state: true },
    _error: { state: true },
  };
  declare methodology: Methodology | undefined;
  declare data: PreviewData<IndicatorTable> | undefined;
  declare _runs: number;
  declare _noise: number;
  declare _level: MonteCarloRequest['level'];
  declare _progress: { done: number; total: number } | null;
  declare _result: { of: string; result: MonteCarloResult } | undefined;
  declare _error: string;
  private _run: MonteCarloRun | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this._runs = 1000;
    this._noise = 25;
    this._level = 'subindex';
    this._progress = null;
    this._error = '';
  }

  override disconnectedCallback(): void {
    this._run?.cancel();
    super.disconnectedCallback();
  }

  /** What a result was computed for: a change of methodology or settings makes it stale. */
  private get _key(): string {
    return JSON.stringify([this.methodology, this._runs, this._noise, this._level]);
  }

  private async _start(): Promise<void> {
    if (!this.methodology || !this.data || this._run) return;
    const key = this._key;
    this._error = '';
    this._progress = { done: 0, total: this._runs };
    const run = startMonteCarlo(
      {
        methodology: this.methodology,
        table: this.data.table,
        history: this.data.history,
        runs: this._runs,
        noise: this._noise / 100,
        level: this._level,
        seed: 1,
      },
      (done, total) => (this._progress = { done, total }),
    );
    this._run = run;
    try {
      this._result = { of: key, result: await run.result };
    } catch (e) {
      if (!(e instanceof CancelledRun)) this._error = (e as Error).message;
    } finally {
      this._run = null;
      this._progress = null;
    }
  }

  private _cancel(): void {
    this._run?.cancel();
  }

  private _controls() {
    const running = this._progress !== null;
    const num = (e: Event) => Number((e.target as HTMLInputElement | HTMLSelectElement).value);
    return html`<form @submit=${(e: Event) => (e.preventDefault(), void this._start())}>
      <label
        >${msg('Runs', { id: 'ws.sens.runs' })}
        <select ?disabled=${running} @change=${(e: Event) => (this._runs = num(e))}>
          ${RUNS.map((n) => html`<option value=${n} ?selected=${n === this._runs}>${n}</option>`)}
        </select></label
      >
      <label
        >${msg('Weight noise ± %', { id: 'ws.sens.noise' })}
        <input
          type="number"
          min="0"
          max="100"
          step="5"
          ?disabled=${running}
          .value=${String(this._noise)}
          @input=${(e: Event) => (this._noise = Math.min(100, Math.max(0, num(e) || 0)))}
      /></label>
      <label
        >${msg('Weights that vary', { id: 'ws.sens.level' })}
        <select
          ?disabled=${running}
          @change=${(e: Event) => (this._level = (e.target as HTMLSelectElement).value as 'subindex' | 'all')}
        >
          <option value="subindex" ?selected=${this._level === 'subindex'}>
            ${msg('Sub-index weights', { id: 'ws.sens.levelSub' })}
          </option>
          <option value="all" ?selected=${this._level === 'all'}>
            ${msg('Every weight', { id: 'ws.sens.levelAll' })}
          </option>
        </select></label
      >
      ${
        running
          ? html`<button type="button" class="secondary" @click=${this._cancel}>
              ${msg('Cancel', { id: 'ws.sens.cancel' })}
            </button>`
          : html`<button type="submit" ?disabled=${!this.data || this._noise <= 0}>
              ${msg('Run the Monte Carlo', { id: 'ws.sens.run' })}
            </button>`
      }
    </form>`;
  }

  private _status() {
    const p = this._progress;
    if (p)
      return html`<p class="row" role="status">
        <progress max=${p.total} value=${p.done}></progress>
        ${msg(str`Run ${p.done} of ${p.total}`, { id: 'ws.sens.progress' })}
      </p>`;
    if (this._error) return html`<p class="error" role="alert">${this._error}</p>`;
    if (this._result && this._result.of !== this._key)
      return html`<p class="muted" role="status">
        ${msg(
          'The methodology or the settings changed since this run: run it again to update the intervals.',
          {
            id: 'ws.sens.stale',
          },
        )}
      </p>`;
    return html`<p class="muted" role="status"></p>`;
  }

  private _table(rows: RobustRow[]) {
    const lang = currentLang();
    const n = (x: number | null, d = 1) =>
      x === null ? '—' : formatNumber(lang, x, Number.isInteger(x) ? 0 : d);
    return html`<div class="table-wrap" tabindex="0">
      <table>
        <thead>
          <tr>
            <th>${msg('Rank', { id: 'ws.method.rank' })}</th>
            <th>${msg('Unit', { id: 'ws.method.unit' })}</th>
            <th>${msg('5–95 % rank interval', { id: 'ws.sens.interval' })}</th>
            <th>${msg('Median rank', { id: 'ws.sens.median' })}</th>
            <th>${msg('Mean rank shift', { id: 'ws.sens.shift' })}</th>
            <th>${msg('Rank range without one sub-index', { id: 'ws.method.range' })}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr data-unit=${r.code}>
                <td>${n(r.nominal)}</td>
                <td>${r.name?.[lang] ?? r.code}</td>
                <td>${r.lower === null ? '—' : `${n(r.lower)}–${n(r.upper)}`}</td>
                <td>${n(r.median)}</td>
                <td>${n(r.meanAbsShift, 2)}</td>
                <td>${r.without ? `${r.without[0]}–${r.without[1]}` : '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const names = new Map(
      (this.data?.table.units ?? []).map((u) => [`${u.block}/${u.code}`, u.name ?? null]),
    );
    const blocks = this._result ? robustRows(this._result.result, names) : {};
    return html`<section class="card">
      <h2>${msg('Robustness of the ranks (Monte Carlo)', { id: 'ws.sens.title' })}</h2>
      <p class="muted">
        ${msg(
          'Each run multiplies the weights by a random factor within ± the noise and ranks the units again. The bar shows where 90 % of the runs put a unit (5–95 %), the dot its rank with the weights as set. Computed in your browser.',
          { id: 'ws.sens.explain' },
        )}
      </p>
      ${this._controls()} ${this._status()}
      ${Object.entries(blocks).map(
        ([block, rows]) =>
          html`<h3>${block}</h3>
            <ws-rank-intervals .rows=${rows}></ws-rank-intervals>
            ${this._table(rows)}`,
      )}
      ${
        this._result
          ? html`<p class="muted">
              ${msg(
                str`${this._result.result.runs} runs, seed 1: the same settings give the same intervals.`,
                {
                  id: 'ws.sens.seed',
                },
              )}
            </p>`
          : nothing
      }
    </section>`;
  }
}
customElements.define('ws-sensitivity', WsSensitivity);
