import type { Random } from '#scoring/random.js';
import type { SurveyDefinition, SurveyResponse } from '#surveys/types.js';
import { qualityModel } from '#server/seed/demo-quality.js';
import { synthesizeResponse, type SyntheticFirm } from '#server/seed/demo-responses.js';

// Synthetic visits and delivery figures for the demo service centres (fictional). The ratings come
// from the demo's generic generator (a latent quality per centre and item); the yes/no-style delivery
// items, which the generic generator draws uniformly, follow the centre's quality here instead.

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** How good a centre is in a month: its level plus a slow drift over the months. */
export function centreQuality(seed: string, centre: string, month: number): number {
  const q = qualityModel(seed, 2026);
  const level = q('centres', centre, 'LEVEL');
  const drift = q('centres', centre, 'DRIFT') * 0.08 * (month - 6);
  return level + drift;
}

function visitor(rng: Random): SyntheticFirm {
  const firm = rng.uniform() < 0.35;
  return {
    profile: firm ? { size: rng.int(1, 5), sector: rng.int(1, 5) } : {},
    bias: rng.normal(0, 0.5),
    straightLiner: rng.uniform() < 0.01,
  };
}

function pick(
  rng: Random,
  good: number,
  options: Array<[code: number, goodWeight: number, badWeight: number]>,
) {
  const weights = options.map(([, g, b]) => g * good + b * (1 - good));
  let r = rng.uniform(
    0,
    weights.reduce((a, b) => a + b, 0),
  );
  for (let i = 0; i < options.length; i++) if ((r -= weights[i]!) < 0) return options[i]![0];
  return options.at(-1)![0];
}

/** One visit to `centre`, valid against the visit definition; `quality` on the latent scale. */
export function synthesizeVisit(
  definition: SurveyDefinition,
  rng: Random,
  seed: string,
  centre: string,
  quality: number,
): SurveyResponse {
  const base = qualityModel(seed, 2026);
  const response = synthesizeResponse(
    {
      definition,
      units: { centres: [{ code: centre, weight: 1 }] },
      quality: (_b, unit, item) => quality + base('centres', unit, item) * 0.3 + 0.2,
    },
    rng,
    visitor(rng),
  );
  const items = response.units?.centres?.[centre];
  if (!items) return response;
  const good = sigmoid(1.5 * quality + 1.2 + rng.normal(0, 0.5));
  items.TRIPS = pick(rng, good, [
    [1, 8, 3],
    [2, 1.5, 3],
    [3, 0.4, 2],
    [4, 0.1, 1],
  ]);
  items.ONTIME = pick(rng, good, [
    [1, 3, 1],
    [2, 6, 4],
    [3, 0.3, 2],
    [4, 1, 1],
    [9, 0.3, 0.3],
  ]);
  items.PAY = pick(rng, good, [
    [1, 30, 12],
    [2, 0.2, 1],
    [3, 0.2, 1],
    [8, 0.6, 1],
  ]);
  items.FOUR = rng.uniform() < good * 0.9 ? [1, 2, 3, 4] : rng.uniform() < 0.7 ? [1] : [5];
  return response;
}

/** Visits to a centre in a month: the provincial centre is busiest; small centres are at times below the minimum. */
export function visitsFor(rng: Random, centre: string, province: string): number {
  const mean = centre === province ? 42 : 27;
  return Math.max(8, Math.round(mean + rng.normal(0, centre === province ? 6 : 6)));
}

/** The month's delivery figures of a centre, from its quality: one CSV row of the import format. */
export function deliveryRow(rng: Random, centre: string, period: number, quality: number): string {
  const share = (base: number, spread: number) =>
    Math.min(1, Math.max(0, base + spread * quality + rng.normal(0, 0.015))).toFixed(3);
  const received = Math.round(Math.exp(rng.normal(centre.startsWith('TTPV_TINH') ? 7.6 : 6.2, 0.25)));
  const month = `${Math.floor(period / 100)}-${String(period % 100).padStart(2, '0')}`;
  return [
    centre,
    month,
    received,
    share(0.95, 0.04),
    share(0.55 + (period % 100) * 0.015, 0.1),
    share(0.8, 0.1),
  ].join(',');
}
