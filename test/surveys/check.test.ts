import { expect } from 'chai';
import { assertDefinition, checkDefinition } from '#surveys/check.js';
import type { NumericQuestion, Question, SurveyDefinition, UnitRatingsQuestion } from '#surveys/types.js';
import { minimalDefinition } from './support/minimal.js';

type Edit = (d: SurveyDefinition) => void;
const question = (d: SurveyDefinition, s: number, q: number): Question =>
  d.sections[s]?.questions[q] as Question;
const unitBlock = (d: SurveyDefinition): UnitRatingsQuestion => question(d, 1, 1) as UnitRatingsQuestion;
const set = (target: object, key: string, value: unknown): void => {
  (target as Record<string, unknown>)[key] = value;
};
const located = (d: unknown): Array<{ path: string; code: string }> =>
  checkDefinition(d).map(({ path, code }) => ({ path, code }));

// [behaviour, edit, expected code, expected path]
const cases: Array<[string, Edit, string, string]> = [
  [
    'a misspelt property',
    (d) => set(question(d, 0, 0), 'visibelIf', 'Q1 = 1'),
    'unknown_property',
    '/sections/0/questions/0/visibelIf',
  ],
  [
    'an unknown question type',
    (d) => set(question(d, 0, 0), 'type', 'radiogrop'),
    'unknown_question_type',
    '/sections/0/questions/0/type',
  ],
  [
    'a text without English',
    (d) => set(question(d, 0, 0), 'text', { vi: 'Câu một' }),
    'missing_property',
    '/sections/0/questions/0/text/en',
  ],
  [
    'a malformed option code once',
    (d) => set((question(d, 0, 0) as { options: object[] }).options[1] as object, 'code', 'a b'),
    'invalid_value',
    '/sections/0/questions/0/options/1/code',
  ],
  [
    'a repeated item code',
    (d) => set(question(d, 0, 5), 'code', 'Q5'),
    'duplicate_item_code',
    '/sections/0/questions/5/code',
  ],
  [
    'a per-unit code that reuses a top-level code',
    (d) => set(unitBlock(d).items[0] as object, 'code', 'Q5'),
    'duplicate_item_code',
    '/sections/1/questions/1/items/0/code',
  ],
  [
    'a repeated option code',
    (d) => set((question(d, 0, 0) as { options: object[] }).options[1] as object, 'code', 1),
    'duplicate_option_code',
    '/sections/0/questions/0/options/1/code',
  ],
  [
    'a repeated section id',
    (d) => set(d.sections[1] as object, 'id', 'MAIN'),
    'duplicate_section_id',
    '/sections/1/id',
  ],
  [
    'a repeated block key',
    (d) => d.blocks.push({ key: 'departments', label: { vi: 'Sở', en: 'Departments' } }),
    'duplicate_block_key',
    '/blocks/1/key',
  ],
  [
    'a units question on an undeclared block',
    (d) => set(question(d, 1, 0), 'block', 'provinces'),
    'unknown_block',
    '/sections/1/questions/0/block',
  ],
  [
    'a rating block whose selector is not a units question',
    (d) => set(unitBlock(d), 'selector', 'Q1'),
    'unknown_selector',
    '/sections/1/questions/1/selector',
  ],
  [
    'a second selector for one block',
    (d) => d.sections[1]?.questions.push({ ...(question(d, 1, 0) as object), code: 'U2' } as Question),
    'duplicate_unit_selector',
    '/sections/1/questions/2/block',
  ],
  [
    'an undeclared scale name',
    (d) => set(question(d, 0, 2), 'scale', 'FREQ5'),
    'unknown_scale',
    '/sections/0/questions/2/scale',
  ],
  [
    'a blank English text',
    (d) => set(question(d, 0, 0), 'text', { vi: 'Câu một', en: '  ' }),
    'missing_translation',
    '/sections/0/questions/0/text/en',
  ],
  [
    'a blank Vietnamese option label',
    (d) =>
      set((question(d, 0, 0) as { options: object[] }).options[1] as object, 'label', { vi: '', en: 'No' }),
    'missing_translation',
    '/sections/0/questions/0/options/1/label/vi',
  ],
  [
    '{unit} in one language only',
    (d) => set(unitBlock(d).items[0] as object, 'text', { vi: '{unit} hiệu quả', en: 'It is efficient' }),
    'placeholder_mismatch',
    '/sections/1/questions/1/items/0/text',
  ],
  [
    '{unit} outside a rating block',
    (d) => set(question(d, 0, 0), 'text', { vi: 'Về {unit}', en: 'About {unit}' }),
    'misplaced_placeholder',
    '/sections/0/questions/0/text',
  ],
  [
    'more points than labels',
    (d) => set(d.scales?.AGREE4 as object, 'points', 5),
    'scale_labels_mismatch',
    '/scales/AGREE4/labels',
  ],
  [
    "a don't-know code inside the scale",
    (d) => set(d.scales?.AGREE4?.dontKnow as object, 'code', 3),
    'dont_know_in_scale',
    '/scales/AGREE4/dontKnow/code',
  ],
  [
    'an inline scale with too few labels',
    (d) =>
      set(question(d, 0, 2), 'scale', {
        points: 3,
        labels: [
          { vi: 'Thấp', en: 'Low' },
          { vi: 'Cao', en: 'High' },
        ],
      }),
    'scale_labels_mismatch',
    '/sections/0/questions/2/scale/labels',
  ],
  [
    'a numeric minimum above its maximum',
    (d) => set(question(d, 0, 3), 'minimum', 40),
    'invalid_bounds',
    '/sections/0/questions/3/minimum',
  ],
  [
    'a date minimum after its maximum',
    (d) => set(question(d, 0, 5), 'minimum', '2026-01-01'),
    'invalid_bounds',
    '/sections/0/questions/5/minimum',
  ],
  [
    'an impossible date bound',
    (d) => set(question(d, 0, 5), 'maximum', '2025-02-30'),
    'invalid_date',
    '/sections/0/questions/5/maximum',
  ],
  [
    'minSelections above maxSelections',
    (d) => set(question(d, 0, 1), 'minSelections', 3),
    'invalid_selection_bounds',
    '/sections/0/questions/1/minSelections',
  ],
  [
    'minSelections above the number of options',
    (d) => {
      set(question(d, 0, 1), 'minSelections', 5);
      set(question(d, 0, 1), 'maxSelections', 6);
    },
    'invalid_selection_bounds',
    '/sections/0/questions/1/minSelections',
  ],
  [
    'an exclusive option in a single choice',
    (d) => set((question(d, 0, 0) as { options: object[] }).options[0] as object, 'exclusive', true),
    'misplaced_exclusive',
    '/sections/0/questions/0/options/0/exclusive',
  ],
  [
    'a profile role given twice',
    (d) => {
      set(question(d, 0, 0), 'profileRole', 'size');
      set(question(d, 0, 3), 'profileRole', 'size');
    },
    'duplicate_profile_role',
    '/sections/0/questions/3/profileRole',
  ],
  [
    'a profile role inside a rating block',
    (d) => set(unitBlock(d).items[1] as object, 'profileRole', 'sector'),
    'misplaced_profile_role',
    '/sections/1/questions/1/items/1/profileRole',
  ],
  [
    'a condition with a syntax error',
    (d) => set(question(d, 0, 1), 'showIf', 'Q1 = '),
    'condition_syntax',
    '/sections/0/questions/1/showIf',
  ],
  [
    'a condition on an unknown item',
    (d) => set(question(d, 0, 1), 'showIf', 'Q9 = 1'),
    'unknown_reference',
    '/sections/0/questions/1/showIf',
  ],
  [
    'a top-level condition on a per-unit item',
    (d) => set(question(d, 0, 3), 'requiredIf', 'R1 >= 3'),
    'unknown_reference',
    '/sections/0/questions/3/requiredIf',
  ],
  [
    'a comparison with a code the item does not have',
    (d) => set(question(d, 0, 1), 'showIf', 'Q1 = 3'),
    'unknown_option_in_condition',
    '/sections/0/questions/1/showIf',
  ],
  [
    'a rating compared with a value off its scale',
    (d) => set(question(d, 0, 4), 'showIf', 'Q3 in [4, 5]'),
    'unknown_option_in_condition',
    '/sections/0/questions/4/showIf',
  ],
  [
    'count() on a single choice',
    (d) => set(question(d, 0, 1), 'showIf', 'count(Q1) > 0'),
    'invalid_count_target',
    '/sections/0/questions/1/showIf',
  ],
  [
    'two questions shown by each other',
    (d) => set(question(d, 0, 0), 'showIf', 'Q2 = 1'),
    'condition_cycle',
    '/sections/0/questions/1/showIf',
  ],
  [
    'a question shown by its own answer',
    (d) => set(question(d, 0, 2), 'showIf', 'answered(Q3)'),
    'condition_cycle',
    '/sections/0/questions/2/showIf',
  ],
  [
    'a section shown by a question inside it',
    (d) => set(d.sections[1] as object, 'showIf', 'count(U) >= 1'),
    'condition_cycle',
    '/sections/1/showIf',
  ],
  [
    'a __proto__ key',
    (d) => Object.defineProperty(d, '__proto__', { value: {}, enumerable: true }),
    'forbidden_key',
    '/__proto__',
  ],
];

describe('checkDefinition', () => {
  it('checkDefinition(definition) accepts the minimal definition', () => {
    expect(checkDefinition(minimalDefinition())).to.deep.equal([]);
  });

  for (const [behaviour, edit, code, path] of cases) {
    it(`checkDefinition(definition) reports ${behaviour} as ${code} at its path`, () => {
      const d = minimalDefinition();
      edit(d);
      expect(located(d)).to.deep.equal([{ path, code }]);
    });
  }

  it('checkDefinition(definition) lets per-unit conditions use sibling and top-level items', () => {
    const d = minimalDefinition();
    set(unitBlock(d).items[2] as object, 'showIf', 'Q1 = 1 and R2 = 1 and not answered(R1)');
    expect(checkDefinition(d)).to.deep.equal([]);
  });

  it("checkDefinition(definition) accepts a rating compared with its don't-know code", () => {
    const d = minimalDefinition();
    set(question(d, 0, 4), 'showIf', 'Q3 != 9');
    expect(checkDefinition(d)).to.deep.equal([]);
  });

  it('checkDefinition(definition) does not treat requiredIf as a display cycle', () => {
    const d = minimalDefinition();
    set(question(d, 0, 2), 'requiredIf', 'unanswered(Q4)');
    set(question(d, 0, 3), 'requiredIf', 'unanswered(Q3)');
    expect(checkDefinition(d)).to.deep.equal([]);
  });

  it('checkDefinition(definition) reports the position of a syntax error in both languages', () => {
    const d = minimalDefinition();
    set(question(d, 0, 1), 'showIf', 'Q1 = 1 and (');
    const [error] = checkDefinition(d);
    expect(error?.message.en).to.match(/position 12/);
    expect(error?.message.vi).to.match(/vị trí 12/);
  });

  it('checkDefinition(definition) reports every error it finds, not only the first', () => {
    const d = minimalDefinition();
    set(question(d, 0, 5), 'code', 'Q5');
    set(question(d, 0, 3), 'minimum', 99);
    expect(located(d).map((e) => e.code)).to.deep.equal(['duplicate_item_code', 'invalid_bounds']);
  });

  it('checkDefinition(definition) rejects nesting deeper than 16 levels', () => {
    const d = minimalDefinition() as unknown as Record<string, unknown>;
    let node: Record<string, unknown> = {};
    d.deep = node;
    for (let i = 0; i < 20; i++) node = node.x = {};
    expect(located(d)).to.deep.equal([{ path: '/deep/x/x/x/x/x/x/x/x/x/x/x/x/x/x/x', code: 'too_deep' }]);
  });

  it('checkDefinition(input) reports a non-object input at the root', () => {
    expect(located(null)).to.deep.equal([{ path: '', code: 'invalid_value' }]);
  });

  it('checkDefinition(definition) gives every error a Vietnamese and an English message', () => {
    const d = minimalDefinition();
    set(question(d, 0, 1), 'code', 'Q1');
    set(question(d, 0, 3) as NumericQuestion, 'minimum', 99);
    for (const error of checkDefinition(d)) {
      expect(error.message.vi).to.be.a('string').and.not.equal('');
      expect(error.message.en).to.be.a('string').and.not.equal('');
      expect(error.message.vi).to.not.equal(error.message.en);
    }
  });
});

describe('assertDefinition', () => {
  it('assertDefinition(input) throws a TypeError naming the path and problem', () => {
    const d = minimalDefinition();
    set(question(d, 0, 1), 'code', 'Q1');
    expect(() => assertDefinition(d)).to.throw(
      TypeError,
      /\/sections\/0\/questions\/1\/code: Item code "Q1" is used more than once/,
    );
  });

  it('assertDefinition(input) returns for a valid definition', () => {
    expect(() => assertDefinition(minimalDefinition())).to.not.throw();
  });
});
