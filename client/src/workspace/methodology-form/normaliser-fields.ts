import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import {
  BENCHMARK_KINDS,
  BENCHMARKED_METHODS,
  NORMALISER_METHODS,
  type BenchmarkKind,
  type IndicatorNode,
  type NormaliserMethod,
} from '#scoring/methodology/types.js';
import { currentLang } from '#client/src/shared/localize.js';
import {
  indicators,
  numericParams,
  parseEditions,
  setBenchmark,
  setNormaliser,
  setNormaliserParam,
} from './edits.js';
import { errorsAt, fieldErrors, numberOf } from './field-errors.js';
import { MethodologyFields } from './fields-base.js';
import { benchmarkName, methodName, paramName } from './labels.js';

/**
 * Normaliser, its parameters and the benchmark (goalposts) of every indicator, with a row that sets
 * them for all at once. Each change is sent up as an `edit` event; the server's problems show at the row.
 */
export class WsNormaliserFields extends MethodologyFields {
  private _method(code: string, label: string, current: NormaliserMethod | '') {
    return html`<select
      aria-label=${label}
      @change=${(e: Event) =>
        this.emit(
          setNormaliser(this.methodology, code, (e.target as HTMLSelectElement).value as NormaliserMethod),
        )}
    >
      ${current === '' ? html`<option value="" selected>—</option>` : nothing}
      ${NORMALISER_METHODS.map((m) => html`<option value=${m} ?selected=${m === current}>${methodName(m)}</option>`)}
    </select>`;
  }

  private _benchmark(n: IndicatorNode, label: string) {
    if (!BENCHMARKED_METHODS.includes(n.normaliser.method)) return html`<span class="muted">—</span>`;
    const b = n.benchmark;
    const kind = b?.kind ?? '';
    const set = (k: BenchmarkKind | '', d = {}) => this.emit(setBenchmark(this.methodology, n.code, k, d));
    return html`<div class="params">
      <select
        aria-label=${label}
        @change=${(e: Event) => set((e.target as HTMLSelectElement).value as BenchmarkKind | '')}
      >
        ${(['', ...BENCHMARK_KINDS] as const).map(
          (k) => html`<option value=${k} ?selected=${k === kind}>${benchmarkName(k)}</option>`,
        )}
      </select>
      ${
        kind === 'pooled'
          ? html`<input
              aria-label=${`${label}: ${msg('editions', { id: 'ws.rules.editions' })}`}
              placeholder="2023, 2024, 2025"
              .value=${(b?.editions ?? []).join(', ')}
              @change=${(e: Event) => set('pooled', { editions: parseEditions((e.target as HTMLInputElement).value) })}
            />`
          : nothing
      }
      ${
        kind === 'fixed'
          ? (['min', 'max'] as const).map(
              (k) =>
                html`<input
                  type="number"
                  step="any"
                  aria-label=${`${label}: ${k}`}
                  placeholder=${k}
                  .value=${b?.[k] === undefined ? '' : String(b[k])}
                  @change=${(e: Event) => set('fixed', { [k]: numberOf(e) })}
                />`,
            )
          : nothing
      }
    </div>`;
  }

  private _params(n: IndicatorNode, label: string) {
    return html`<div class="params">
      ${numericParams(n.normaliser.method).map(
        (p) =>
          html`<input
            type="number"
            step="any"
            aria-label=${`${label}: ${paramName(p)}`}
            placeholder=${paramName(p)}
            .value=${n.normaliser[p] === undefined ? '' : String(n.normaliser[p])}
            @change=${(e: Event) => this.emit(setNormaliserParam(this.methodology, n.code, p, numberOf(e)))}
          />`,
      )}
    </div>`;
  }

  override render() {
    const lang = currentLang();
    const list = indicators(this.methodology);
    const methods = new Set(list.map((r) => r.node.normaliser.method));
    const shared = methods.size === 1 ? [...methods][0]! : '';
    const bad = list.filter((r) => errorsAt(this.details, r.path).length).length;
    return html`<div class="row">
        <label
          >${msg('Normaliser of every indicator', { id: 'ws.rules.all' })}
          ${this._method('*', msg('Normaliser of every indicator', { id: 'ws.rules.all' }), shared)}</label
        >
        ${bad ? html`<p class="error">${msg('Some indicators need attention: see the rows marked below.', { id: 'ws.rules.bad' })}</p>` : nothing}
      </div>
      <div
        class="table-wrap"
        tabindex="0"
        role="region"
        aria-label=${msg('Normalisers and benchmarks', { id: 'ws.rules.normTitle' })}
      >
        <table>
          <thead>
            <tr>
              <th>${msg('Indicator', { id: 'ws.rules.indicator' })}</th>
              <th>${msg('Normaliser', { id: 'ws.rules.normaliser' })}</th>
              <th>${msg('Parameters', { id: 'ws.rules.params' })}</th>
              <th>${msg('Benchmark (goalposts)', { id: 'ws.rules.benchmark' })}</th>
            </tr>
          </thead>
          <tbody>
            ${list.map(({ node: n, path }) => {
              const name = n.name[lang];
              return html`<tr data-node=${n.code}>
                <td>${name} <code>${n.code}</code>${fieldErrors(this.details, path)}</td>
                <td>
                  ${this._method(n.code, `${name}: ${msg('normaliser', { id: 'ws.rules.normaliserOf' })}`, n.normaliser.method)}
                </td>
                <td>${this._params(n, name)}</td>
                <td>${this._benchmark(n, `${name}: ${msg('benchmark', { id: 'ws.rules.benchmarkOf' })}`)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }
}
customElements.define('ws-normaliser-fields', WsNormaliserFields);
