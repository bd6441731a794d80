import { expect } from 'chai';
import { randomSource, type Random } from '#scoring/random.js';
import { ddciDemo2023, ddciDemo2025 } from '#surveys/shipped.js';
import type { EditionContext, Question, SurveyDefinition, UnitItem } from '#surveys/types.js';
import { validateDraft, validateResponse } from '#surveys/validate.js';
import { validateDraftInterpreted, validateResponseInterpreted } from '#surveys/validate-interpreted.js';
import { questionSites, resolveScale, unitSelectors } from '#surveys/walk.js';
import { minimalDefinition, miniEdition } from './support/minimal.js';

// The browser validates with the schema interpreter (no eval under the CSP); the server with Ajv.
// Both must report the very same errors (path, code, bilingual message, order) for any input.

const ddciEdition: EditionContext = {
  units: {
    departments: ['SO_TAI_CHINH', 'CUC_THUE', 'SO_XAY_DUNG'],
    localities: ['P_HONG_GAI', 'X_QUANG_LA'],
  },
};

function junk(rng: Random): unknown {
  const pool: unknown[] = [
    -1,
    0,
    1,
    2,
    3.5,
    9,
    99,
    2026,
    1e9,
    '',
    'x',
    '1',
    '2024-02-30',
    '2024-05-01',
    '1999-01-01',
    null,
    true,
    [],
    [1, 1],
    ['SO_GONE'],
    {},
    { a: 1 },
  ];
  return pool[rng.int(0, pool.length)];
}

function plausible(
  definition: SurveyDefinition,
  q: Question | UnitItem,
  edition: EditionContext,
  rng: Random,
  clean: boolean,
): unknown {
  switch (q.type) {
    case 'single':
      return q.options[rng.int(0, q.options.length)]!.code;
    case 'multiple': {
      if (clean) return [q.options.find((o) => !o.exclusive)!.code];
      const n = rng.int(0, Math.min(q.options.length, 4) + 1);
      return Array.from({ length: n }, () => q.options[rng.int(0, q.options.length)]!.code);
    }
    case 'rating': {
      const scale = resolveScale(definition, q.scale)!;
      return rng.int(0, 5) === 0 && scale.dontKnow ? scale.dontKnow.code : rng.int(1, scale.points + 1);
    }
    case 'numeric':
      if (clean) return q.minimum ?? q.maximum ?? 1;
      if (rng.int(0, 2) === 0) {
        // Values on and just past each bound.
        const edges = [q.minimum, q.maximum].filter((v) => v !== undefined).flatMap((v) => [v, v - 1, v + 1]);
        if (edges.length > 0) return edges[rng.int(0, edges.length)];
      }
      return rng.int(-2, 60) * (rng.int(0, 4) === 0 ? 1.5 : 1);
    case 'text':
      return 'y'.repeat(rng.int(0, clean ? 2 : 12));
    case 'date':
      return `20${rng.int(15, 30)}-0${rng.int(1, 10)}-1${rng.int(0, 10)}`;
    case 'units': {
      const list = edition.units[q.block] ?? [];
      if (clean) return list.slice(0, rng.int(1, Math.min(list.length, q.maxSelections ?? 9) + 1));
      const n = rng.int(0, list.length + 2);
      return Array.from({ length: n }, () =>
        rng.int(0, 8) === 0 ? 'X_NOWHERE' : list[rng.int(0, list.length)]!,
      );
    }
    default:
      return undefined;
  }
}

/** A random response that is mostly well formed, with some junk, omissions and unknown keys. */
function randomResponse(definition: SurveyDefinition, edition: EditionContext, rng: Random): unknown {
  const answers: Record<string, unknown> = {};
  const units: Record<string, Record<string, Record<string, unknown>>> = {};
  const selectors = unitSelectors(definition);
  const clean = rng.int(0, 3) === 0;
  for (const site of questionSites(definition)) {
    const q = site.question;
    if (q.type === 'unitRatings' || (!clean && rng.int(0, 6) === 0)) continue;
    const value = !clean && rng.int(0, 12) === 0 ? junk(rng) : plausible(definition, q, edition, rng, clean);
    if (!site.parent) {
      answers[q.code] = value;
      continue;
    }
    const block = selectors.get(site.parent.selector)?.block ?? '';
    const chosen = answers[site.parent.selector];
    const pool =
      Array.isArray(chosen) && (clean || rng.int(0, 4) > 0)
        ? (chosen as string[])
        : clean
          ? []
          : [...(edition.units[block] ?? []), 'X_NOWHERE'];
    for (const unit of pool.slice(0, 3)) {
      if (!clean && rng.int(0, 5) === 0) continue;
      ((units[block] ??= {})[unit] ??= {})[q.code] = value;
    }
  }
  if (clean) return { answers, units };
  if (rng.int(0, 20) === 0) answers.ZZ9 = 1;
  if (rng.int(0, 25) === 0) return rng.int(0, 2) === 0 ? [answers] : { answers: 'no' };
  return rng.int(0, 3) === 0 ? { answers } : { answers, units };
}

const RULE_CODES = new Set(['required', 'hidden_not_empty', 'unit_not_selected']);

const cases: Array<[string, SurveyDefinition, EditionContext]> = [
  ['the minimal test definition', minimalDefinition(), miniEdition],
  ['ddci-demo-2025', ddciDemo2025, ddciEdition],
  ['ddci-demo-2023', ddciDemo2023, ddciEdition],
];

describe('validateResponseInterpreted', () => {
  for (const [name, definition, edition] of cases) {
    it(`validateResponseInterpreted gives Ajv's errors for 1500 random responses to ${name}`, () => {
      const rng = randomSource(`interpreted-${name}`);
      let schemaPassed = 0;
      for (let i = 0; i < 1500; i++) {
        const response = randomResponse(definition, edition, rng);
        const server = validateResponse(definition, edition, response);
        expect(
          validateResponseInterpreted(definition, edition, response),
          JSON.stringify(response),
        ).to.deep.equal(server);
        if (server.errors.every((e) => RULE_CODES.has(e.code))) schemaPassed++;
      }
      // The generator must reach the rules (schema passed) and the schema's errors, or proves little.
      expect(schemaPassed).to.be.within(150, 1350);
    });

    it(`validateDraftInterpreted gives Ajv's errors for 500 random drafts of ${name}`, () => {
      const rng = randomSource(`interpreted-draft-${name}`);
      for (let i = 0; i < 500; i++) {
        const draft = randomResponse(definition, edition, rng);
        expect(validateDraftInterpreted(definition, edition, draft), JSON.stringify(draft)).to.deep.equal(
          validateDraft(definition, edition, draft),
        );
      }
    });
  }

  it('validateResponseInterpreted refuses hostile input like the server', () => {
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 20; i++) node = (node.x = {}) as Record<string, unknown>;
    const protoKey = JSON.parse('{"answers": {"__proto__": {"A1": 1}}}');
    for (const hostile of [deep, protoKey, null, 'text', 42]) {
      expect(validateResponseInterpreted(ddciDemo2025, ddciEdition, hostile)).to.deep.equal(
        validateResponse(ddciDemo2025, ddciEdition, hostile),
      );
    }
  });
});
