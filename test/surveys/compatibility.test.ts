import { expect } from 'chai';
import { checkCompatibility } from '#surveys/compatibility.js';
import { ddciDemo2023, ddciDemo2024, ddciDemo2025 } from '#surveys/shipped.js';
import type {
  NumericQuestion,
  RatingScale,
  SingleChoiceQuestion,
  SurveyDefinition,
  UnitRatingsQuestion,
} from '#surveys/types.js';
import { minimalDefinition } from './support/minimal.js';

const issues = (edit: (d: SurveyDefinition) => void): Array<[string, string]> => {
  const next = minimalDefinition();
  edit(next);
  return checkCompatibility(minimalDefinition(), next).map((i) => [i.item, i.code]);
};
const agree = (d: SurveyDefinition): RatingScale => d.scales?.AGREE4 as RatingScale;

describe('checkCompatibility', () => {
  it('checkCompatibility(previous, next) finds nothing between identical definitions', () => {
    expect(issues(() => {})).to.deep.equal([]);
  });

  it('checkCompatibility(previous, next) accepts the shipped editions 2023 → 2024 → 2025, which only add items', () => {
    expect(checkCompatibility(ddciDemo2023, ddciDemo2024)).to.deep.equal([]);
    expect(checkCompatibility(ddciDemo2024, ddciDemo2025)).to.deep.equal([]);
  });

  it('checkCompatibility(previous, next) reports items removed, per-unit ones with their block', () => {
    expect(checkCompatibility(ddciDemo2025, ddciDemo2024).map((i) => [i.item, i.code])).to.deep.equal([
      ['localities/DT3', 'item_removed'],
    ]);
  });

  it('checkCompatibility(previous, next) accepts new wording and new items', () => {
    expect(
      issues((d) => {
        d.sections[0]!.questions[0]!.text = { vi: 'Câu mới', en: 'New wording' };
        d.sections[0]!.questions.push({
          type: 'text',
          code: 'Q7',
          text: { vi: 'Mới', en: 'New' },
          maxLength: 5,
        });
      }),
    ).to.deep.equal([]);
  });

  it('checkCompatibility(previous, next) reports a changed type', () => {
    expect(
      issues(
        (d) =>
          (d.sections[0]!.questions[4] = {
            type: 'numeric',
            code: 'Q5',
            text: { vi: 'x', en: 'x' },
            unit: 'count',
          }),
      ),
    ).to.deep.equal([['Q5', 'type_changed']]);
  });

  it('checkCompatibility(previous, next) reports changed option codes', () => {
    expect(
      issues((d) => ((d.sections[0]!.questions[0] as SingleChoiceQuestion).options[1]!.code = 3)),
    ).to.deep.equal([['Q1', 'option_codes_changed']]);
  });

  it('checkCompatibility(previous, next) reports a changed number of scale points on every item using the scale', () => {
    expect(
      issues((d) => {
        agree(d).points = 5;
        agree(d).labels.push({ vi: 'Rất đồng ý', en: 'Very strongly agree' });
      }),
    ).to.deep.equal([
      ['Q3', 'scale_points_changed'],
      ['departments/R1', 'scale_points_changed'],
    ]);
  });

  it('checkCompatibility(previous, next) reports a reversed scale', () => {
    expect(issues((d) => agree(d).labels.reverse())).to.deep.equal([
      ['Q3', 'scale_reversed'],
      ['departments/R1', 'scale_reversed'],
    ]);
  });

  it("checkCompatibility(previous, next) reports a changed don't-know code", () => {
    expect(issues((d) => (agree(d).dontKnow!.code = 99))).to.deep.equal([
      ['Q3', 'dont_know_changed'],
      ['departments/R1', 'dont_know_changed'],
    ]);
  });

  it('checkCompatibility(previous, next) reports a changed numeric unit', () => {
    expect(issues((d) => ((d.sections[0]!.questions[3] as NumericQuestion).unit = 'hours'))).to.deep.equal([
      ['Q4', 'unit_changed'],
    ]);
  });

  it('checkCompatibility(previous, next) reports a per-unit item removed from a rating block', () => {
    expect(
      issues((d) => (d.sections[1]!.questions[1] as UnitRatingsQuestion).items.splice(0, 1)),
    ).to.deep.equal([['departments/R1', 'item_removed']]);
  });

  it('checkCompatibility(previous, next) gives each issue a reason in both languages', () => {
    const [issue] = checkCompatibility(ddciDemo2025, ddciDemo2024);
    expect(issue?.reason.en).to.equal('Item localities/DT3 was removed.');
    expect(issue?.reason.vi).to.equal('Câu hỏi localities/DT3 đã bị bỏ.');
  });
});
