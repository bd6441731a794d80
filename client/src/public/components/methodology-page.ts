import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { ReleaseDocument } from '#api/releases.js';
import { fetchRelease } from '#client/src/shared/api.js';
import { formatDate, formatInteger, formatNumber, formatPercent } from '#client/src/shared/i18n.js';
import { effectiveWeights } from '#scoring/aggregate/effective-weights.js';
import type {
  AggregateNode,
  IndicatorNode,
  Methodology,
  MethodologyNode,
} from '#scoring/methodology/types.js';
import { families, latestYear } from '#client/src/public/families.js';
import { isNotFound, loadErrorText } from '#client/src/public/load-error.js';
import {
  questionsOf,
  questionText,
  releaseDefinition,
  wordingOf,
  type Wording,
} from '#client/src/public/question-wording.js';
import { responseRates } from '#client/src/public/response-rates.js';
import type { ViewState } from '#client/src/public/url-state.js';
import { pageStyles } from './page-styles.js';
import './not-found.js';
import './response-rates.js';

const isMethodology = (d: unknown): d is Methodology => !!d && typeof d === 'object' && 'tree' in d;

/** The methodology page, generated from the methodology inside the signed release. */
export class MethodologyPage extends LitElement {
  static override properties = { state: { attribute: false } };
  declare state: ViewState;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  private readonly _release = new Task(this, {
    task: async ([family, year], { signal }) => {
      const fams = await families(this.state.lang);
      const f = fams.find((x) => x.code === family);
      const y = year ?? latestYear(f);
      const ed = f?.editions.find((e) => e.year === y);
      if (!ed?.release) return null;
      return fetchRelease(ed.release, this.state.lang, signal);
    },
    args: () => [this.state.family, this.state.year] as const,
  });

  /** The survey definition behind the release, for question wording the release does not carry. */
  private readonly _definition = new Task(this, {
    task: ([d], { signal }) => (d ? releaseDefinition(d, this.state.lang, signal) : Promise.resolve(null)),
    args: () => [this._release.value] as const,
  });

  private _normaliser(n: IndicatorNode): string {
    const lang = this.state.lang;
    const b = n.benchmark;
    const bench = !b
      ? ''
      : b.kind === 'fixed' && 'min' in b
        ? ` [${formatNumber(lang, b.min as number)}; ${formatNumber(lang, b.max as number)}]`
        : ` (${b.kind})`;
    return `${n.normaliser.method}${bench}`;
  }

  /** The wording of a survey indicator's question, or its item code when the release lacks the wording. */
  private _question(n: IndicatorNode, words: Map<string, Wording>) {
    if (n.source.kind !== 'survey') return nothing;
    const lang = this.state.lang;
    const w = wordingOf(words, this._definition.value ?? null, n.code, n.source);
    const item = w.item;
    if (!w.question)
      return html`<div class="question">
        ${msg(str`Survey item ${item} (its wording is not in this release).`, { id: 'public.method.no-wording' })}
      </div>`;
    const unit = msg('the unit', { id: 'public.method.the-unit' });
    return html`<div class="question">
      <span class="item">${item}</span> “${questionText(w.question[lang], unit)}”${
        w.categories?.length
          ? html`<span class="counted">
              ${msg(str`Counts the answers: ${w.categories.map((c) => c[lang]).join(', ')}.`, { id: 'public.method.counted' })}</span
            >`
          : nothing
      }
    </div>`;
  }

  private _rows(
    node: AggregateNode,
    eff: Record<string, number>,
    depth: number,
    words: Map<string, Wording>,
  ): unknown[] {
    const lang = this.state.lang;
    return node.children.flatMap((c: MethodologyNode) => [
      html`<tr class=${c.type} data-node=${c.code}>
        <th scope="row" style=${`padding-left:${0.5 + depth}rem`}>
          ${c.name[lang]}${c.type === 'indicator' && c.description ? html`<div class="desc">${c.description[lang]}</div>` : nothing}
          ${c.type === 'indicator' ? this._question(c, words) : nothing}
        </th>
        <td>
          ${c.type === 'indicator' ? (c.source.kind === 'survey' ? msg('survey', { id: 'public.method.survey' }) : msg('hard data', { id: 'public.method.hard' })) : c.type === 'subindex' ? msg('sub-index', { id: 'public.method.subindex' }) : msg('group', { id: 'public.method.group' })}
        </td>
        <td>${formatNumber(lang, c.weight, 3)}</td>
        <td>${formatPercent(lang, eff[c.code] ?? 0)}</td>
        <td>
          ${c.type === 'indicator' ? `${c.direction === 1 ? '↑' : '↓'} ${this._normaliser(c)}` : c.aggregator}
        </td>
        <td>${c.type === 'indicator' && c.minRespondents ? formatInteger(lang, c.minRespondents) : ''}</td>
      </tr>`,
      ...(c.type === 'indicator' ? [] : this._rows(c, eff, depth + 1, words)),
    ]);
  }

  private _tiers(m: Methodology) {
    const lang = this.state.lang;
    const t = m.tiers;
    if (!t) return nothing;
    const rule =
      t.method === 'fixed'
        ? msg(
            str`fixed cut-offs on the composite: ${(t.cutoffs ?? []).map((c) => formatNumber(lang, c)).join(' · ')}`,
            { id: 'public.method.tier-fixed' },
          )
        : t.method === 'quantile'
          ? msg(
              str`quantiles of the block’s composites at ${(t.probabilities ?? []).map((p) => formatPercent(lang, p)).join(' · ')}`,
              { id: 'public.method.tier-quantile' },
            )
          : msg(
              str`mean + k·sd of the block’s composites, k = ${(t.k ?? []).map((k) => formatNumber(lang, k, 1)).join(' · ')}`,
              { id: 'public.method.tier-meansd' },
            );
    return html`<h2>${msg('Tiers', { id: 'public.legend.title' })}</h2>
      <p>${t.labels.map((l) => l[lang]).join(' › ')}: ${rule}.</p>`;
  }

  private _facts(d: ReleaseDocument, m: Methodology | null) {
    const lang = this.state.lang;
    return html`<dl class="facts">
      <dt>${msg('Methodology', { id: 'public.nav.methodology' })}</dt>
      <dd>${d.methodology.id} ${d.methodology.version}</dd>
      <dt>${msg('Methodology hash (SHA-256)', { id: 'public.method.hash' })}</dt>
      <dd><code>${d.methodology.hash}</code></dd>
      <dt>${msg('Published', { id: 'public.method.published' })}</dt>
      <dd>${formatDate(lang, d.publishedAt)}</dd>
      <dt>${msg('Signed release', { id: 'public.method.release' })}</dt>
      <dd>
        <a href=${`/api/v1/releases/${d.id}`}>${d.id}</a> ·
        <a href=${`/api/v1/releases/${d.id}/signature`}
          >${msg('signature', { id: 'public.method.signature' })}</a
        >
        ·
        <a href=${`/api/v1/releases/${d.id}/metadata`}
          >${msg('citation and licence', { id: 'public.method.metadata' })}</a
        >
      </dd>
      ${
        d.origin.kind === 'imported'
          ? html`<dt>${msg('Source', { id: 'public.source' })}</dt>
              <dd>${d.origin.source[lang]} (${d.origin.licence[lang]})</dd>`
          : nothing
      }
      ${
        d.survey
          ? html`<dt>${msg('Responses', { id: 'public.method.responses' })}</dt>
              <dd>
                ${msg(str`${formatInteger(lang, d.survey.responses)} used, ${formatInteger(lang, d.survey.excluded)} left out by quality checks`, { id: 'public.method.responses-text' })}
              </dd>`
          : nothing
      }
      ${
        m?.minRespondents
          ? html`<dt>${msg('Suppression', { id: 'public.method.suppression' })}</dt>
              <dd>
                ${msg(str`a unit rated in fewer than ${m.minRespondents} responses gets no published score`, { id: 'public.method.suppression-text' })}
              </dd>`
          : nothing
      }
      ${
        m?.scale
          ? html`<dt>${msg('Scale', { id: 'public.method.scale' })}</dt>
              <dd>${m.scale.from.join('–')} → ${m.scale.to.join('–')}</dd>`
          : nothing
      }
    </dl>`;
  }

  private _view(d: ReleaseDocument | null) {
    const lang = this.state.lang;
    if (!d) return html`<ci-not-found .lang=${lang} what=${location.pathname}></ci-not-found>`;
    const m = isMethodology(d.methodology.document) ? d.methodology.document : null;
    return html`<h1>${msg('Methodology', { id: 'public.nav.methodology' })} · ${d.title[lang]}</h1>
      ${this._facts(d, m)}
      ${m && d.origin.kind === 'imported' ? html`<p class="note" role="note">${msg('The scores are as the source published them; the methodology below is shipped with the platform to reproduce them.', { id: 'public.method.imported-reproduced' })}</p>` : nothing}
      ${m ? this._tree(m, questionsOf(d)) : html`<p>${msg('This release was imported from the published source; it carries the published scores and weights, not the full methodology.', { id: 'public.method.imported' })}</p>`}
      ${m ? this._tiers(m) : nothing}
      <ci-response-rates
        .rates=${responseRates(d, m?.minRespondents ?? null)}
        .lang=${lang}
      ></ci-response-rates>`;
  }

  private _tree(m: Methodology, words: Map<string, Wording>) {
    const eff = effectiveWeights(m.tree);
    return html`<h2>${msg('Components, indicators and weights', { id: 'public.method.tree' })}</h2>
      <div
        class="scroll"
        tabindex="0"
        role="region"
        aria-label=${msg('Components, indicators and weights', { id: 'public.method.tree' })}
      >
        <table class="plain tree">
          <thead>
            <tr>
              <th scope="col">${msg('Component or indicator', { id: 'public.method.node' })}</th>
              <th scope="col">${msg('Kind', { id: 'public.method.kind' })}</th>
              <th scope="col">${msg('Weight', { id: 'public.method.weight' })}</th>
              <th scope="col">${msg('Effective weight', { id: 'public.method.effective' })}</th>
              <th scope="col">${msg('Normalisation / aggregation', { id: 'public.method.normalise' })}</th>
              <th scope="col">${msg('Minimum n', { id: 'public.method.min-n' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this._rows(m.tree, eff, 0, words)}
          </tbody>
        </table>
      </div>`;
  }

  override render() {
    const lang = this.state.lang;
    return this._release.render({
      pending: () => html`<p aria-busy="true">${msg('Loading…', { id: 'public.loading' })}</p>`,
      complete: (d) => this._view(d),
      error: (e) =>
        isNotFound(e)
          ? html`<ci-not-found .lang=${lang} what=${location.pathname}></ci-not-found>`
          : html`<p role="alert">${loadErrorText(e)}</p>`,
    });
  }

  static override styles = [
    pageStyles,
    css`
      .facts {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        font-size: 0.9rem;
      }
      .facts dt {
        color: var(--muted);
      }
      .facts dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .tree tr.subindex th {
        font-weight: 700;
      }
      .tree th[scope='row'] {
        font-weight: 400;
        text-align: left;
        white-space: normal;
        max-width: 28rem;
        /* On a phone the other columns scroll in the box; the name and question keep a readable width. */
        min-width: 13rem;
      }
      .desc,
      .question {
        font-size: 0.78rem;
        color: var(--muted);
      }
      .question .item {
        font-family: ui-monospace, monospace;
        color: var(--ink);
      }
      .counted {
        display: block;
      }
    `,
  ];
}

customElements.define('ci-methodology-page', MethodologyPage);

declare global {
  interface HTMLElementTagNameMap {
    'ci-methodology-page': MethodologyPage;
  }
}
