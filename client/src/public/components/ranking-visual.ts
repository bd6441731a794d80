import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Ranking } from '#api/releases.js';
import type { TierBand } from '#client/src/public/tiers.js';
import type { ViewState } from '#client/src/public/url-state.js';
import { scoreScale } from '#client/src/public/charts/score-scale.js';
import type { StripDatum } from '#client/src/public/charts/strip-state.js';
import '#client/src/public/charts/strip-chart.js';
import '#client/src/public/charts/choropleth.js';

export interface VisualContext {
  ranking: Ranking;
  bands: TierBand[];
  data: StripDatum[];
  state: ViewState;
  highlight: string | null;
  summary: string;
  /** Replaces the URL state (view toggles do not add history entries). */
  emit: (patch: Partial<ViewState>) => void;
  onHighlight: (e: CustomEvent<{ code: string | null }>) => void;
  onOpen: (e: CustomEvent<{ code: string }>) => void;
}

/** A group of toggle buttons, one pressed. */
function toggle<T extends string>(
  label: string,
  cls: string,
  options: Array<[T, string]>,
  current: T,
  pick: (v: T) => void,
) {
  return html`<div class="tabs ${cls}" role="group" aria-label=${label}>
    ${options.map(
      ([v, text]) =>
        html`<button type="button" aria-pressed=${current === v} @click=${() => pick(v)}>${text}</button>`,
    )}
  </div>`;
}

function toggles(c: VisualContext, tab: 'chart' | 'map') {
  const view = toggle(
    msg('View as', { id: 'public.ranking.view-as' }),
    'view-as',
    [
      ['table', msg('Chart', { id: 'public.ranking.tab-chart' })],
      ['map', msg('Map', { id: 'public.ranking.tab-map' })],
    ],
    tab === 'map' ? 'map' : 'table',
    (v) => c.emit({ tab: v }),
  );
  const colour =
    tab === 'map'
      ? toggle(
          msg('Colour the map by', { id: 'public.map.colour-by' }),
          'colour-by',
          [
            ['tier', msg('Tier', { id: 'public.tier' })],
            ['score', msg('Score', { id: 'public.map.by-score' })],
          ],
          c.state.mapColour,
          (v) => c.emit({ mapColour: v }),
        )
      : nothing;
  return html`<div class="toggles">${view}${colour}</div>`;
}

function map(c: VisualContext) {
  const byScore = c.state.mapColour === 'score';
  const scale = byScore ? scoreScale(c.data.map((d) => d.value)) : null;
  const colour = (d: StripDatum) =>
    scale ? scale.colour(d.value) : d.tier === null ? null : (c.bands[d.tier]?.colour ?? null);
  const label = byScore
    ? msg(str`Map of composite scores by province. ${c.summary}`, { id: 'public.ranking.map-score-label' })
    : msg(str`Map of tiers by province. ${c.summary}`, { id: 'public.ranking.map-label' });
  return html`<ci-choropleth
    .data=${c.data.map((d) => ({ code: d.code, label: d.label, value: d.value, colour: colour(d) }))}
    .year=${c.ranking.year}
    .scale=${scale}
    .highlight=${c.highlight}
    .lang=${c.state.lang}
    .label=${label}
    @highlight=${c.onHighlight}
    @open=${c.onOpen}
  ></ci-choropleth>`;
}

/**
 * The ranking's picture: the strip chart, or for provinces the map (by tier or by score), with the
 * toggles that switch them; both are linked to the table by `highlight`.
 */
export function rankingVisual(c: VisualContext) {
  const mappable = c.ranking.block.code === 'provinces';
  const tab = mappable && c.state.tab === 'map' ? 'map' : 'chart';
  if (tab === 'map') return html`${toggles(c, tab)}${map(c)}`;
  const label = msg(str`Composite scores with intervals, best first. ${c.summary}`, {
    id: 'public.ranking.chart-label',
  });
  return html`${mappable ? toggles(c, tab) : nothing}
    <ci-strip-chart
      .data=${c.data}
      .bands=${c.bands}
      .highlight=${c.highlight}
      .lang=${c.state.lang}
      .label=${label}
      @highlight=${c.onHighlight}
      @open=${c.onOpen}
    ></ci-strip-chart>`;
}
