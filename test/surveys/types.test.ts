import type { Localized } from '#api/text.js';
import { expect } from 'chai';
import schema from '#surveys/schema/definition.schema.json' with { type: 'json' };
import type {
  ChoiceOption,
  DateQuestion,
  DontKnow,
  MultipleChoiceQuestion,
  NumericQuestion,
  NumericUnit,
  ProfileRole,
  QuestionType,
  RatingQuestion,
  RatingScale,
  Section,
  SingleChoiceQuestion,
  SurveyDefinition,
  TextQuestion,
  UnitBlock,
  UnitRatingsQuestion,
  UnitsQuestion,
} from '#surveys/types.js';

// Each record must name exactly the keys of its type (the compiler rejects extra or missing keys);
// the tests then compare them with the schema, so a drift on either side fails.
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Shape<T> = { all: Record<keyof T, true>; required: Record<RequiredKeys<T>, true> };
const q = {
  type: true,
  code: true,
  text: true,
  help: true,
  component: true,
  required: true,
  showIf: true,
  requiredIf: true,
} as const;
const qr = { type: true, code: true, text: true } as const;

const shapes = {
  text: { all: { vi: true, en: true }, required: { vi: true, en: true } } satisfies Shape<Localized>,
  option: {
    all: { code: true, label: true, exclusive: true },
    required: { code: true, label: true },
  } satisfies Shape<ChoiceOption>,
  block: {
    all: { key: true, label: true, description: true },
    required: { key: true, label: true },
  } satisfies Shape<UnitBlock>,
  scale: {
    all: { points: true, labels: true, dontKnow: true },
    required: { points: true, labels: true },
  } satisfies Shape<RatingScale>,
  section: {
    all: { id: true, title: true, description: true, showIf: true, questions: true },
    required: { id: true, title: true, questions: true },
  } satisfies Shape<Section>,
  singleQuestion: {
    all: { ...q, profileRole: true, options: true },
    required: { ...qr, options: true },
  } satisfies Shape<SingleChoiceQuestion>,
  multipleQuestion: {
    all: { ...q, options: true, minSelections: true, maxSelections: true },
    required: { ...qr, options: true },
  } satisfies Shape<MultipleChoiceQuestion>,
  ratingQuestion: {
    all: { ...q, scale: true },
    required: { ...qr, scale: true },
  } satisfies Shape<RatingQuestion>,
  numericQuestion: {
    all: { ...q, profileRole: true, unit: true, minimum: true, maximum: true, integer: true },
    required: { ...qr, unit: true },
  } satisfies Shape<NumericQuestion>,
  textQuestion: {
    all: { ...q, multiline: true, maxLength: true },
    required: { ...qr, maxLength: true },
  } satisfies Shape<TextQuestion>,
  dateQuestion: { all: { ...q, minimum: true, maximum: true }, required: qr } satisfies Shape<DateQuestion>,
  unitsQuestion: {
    all: {
      type: true,
      code: true,
      text: true,
      help: true,
      required: true,
      showIf: true,
      requiredIf: true,
      block: true,
      minSelections: true,
      maxSelections: true,
    },
    required: { ...qr, block: true },
  } satisfies Shape<UnitsQuestion>,
  unitRatingsQuestion: {
    all: { type: true, code: true, text: true, help: true, showIf: true, selector: true, items: true },
    required: { ...qr, selector: true, items: true },
  } satisfies Shape<UnitRatingsQuestion>,
};
const root = {
  all: {
    $schema: true,
    schemaVersion: true,
    id: true,
    edition: true,
    title: true,
    intro: true,
    blocks: true,
    scales: true,
    sections: true,
  },
  required: {
    schemaVersion: true,
    id: true,
    edition: true,
    title: true,
    intro: true,
    blocks: true,
    sections: true,
  },
} satisfies Shape<SurveyDefinition>;
const dontKnow = {
  all: { code: true, label: true },
  required: { code: true, label: true },
} satisfies Shape<DontKnow>;
const questionTypes = {
  single: true,
  multiple: true,
  rating: true,
  numeric: true,
  text: true,
  date: true,
  units: true,
  unitRatings: true,
} satisfies Record<QuestionType, true>;
const profileRoles = {
  size: true,
  sector: true,
  ownership: true,
  yearFounded: true,
  location: true,
} satisfies Record<ProfileRole, true>;
const numericUnits = {
  days: true,
  hours: true,
  percent: true,
  count: true,
  vnd: true,
  year: true,
} satisfies Record<NumericUnit, true>;

interface ObjectSchema {
  properties: Record<string, { const?: string; enum?: string[] }>;
  required?: string[];
  additionalProperties?: boolean;
}
const defs = schema.$defs as unknown as Record<string, ObjectSchema & { oneOf?: Array<{ $ref: string }> }>;
const sorted = (o: object | string[] | undefined): string[] =>
  (Array.isArray(o) ? [...o] : Object.keys(o ?? {})).sort();

describe('types', () => {
  for (const [name, shape] of Object.entries(shapes)) {
    it(`types: ${name} has the properties and required keys of $defs/${name}`, () => {
      const def = defs[name] as ObjectSchema;
      expect(sorted(def.properties)).to.deep.equal(sorted(shape.all));
      expect(sorted(def.required)).to.deep.equal(sorted(shape.required));
    });
  }

  it('types: SurveyDefinition has the properties and required keys of the root schema', () => {
    expect(sorted(schema.properties)).to.deep.equal(sorted(root.all));
    expect(sorted(schema.required)).to.deep.equal(sorted(root.required));
  });

  it('types: DontKnow matches $defs/scale/properties/dontKnow', () => {
    const def = (defs.scale as ObjectSchema).properties.dontKnow as unknown as ObjectSchema;
    expect(sorted(def.properties)).to.deep.equal(sorted(dontKnow.all));
    expect(sorted(def.required)).to.deep.equal(sorted(dontKnow.required));
  });

  it('types: QuestionType lists exactly the type consts of the question branches', () => {
    const consts = (defs.question?.oneOf ?? []).map(
      (ref) => defs[ref.$ref.split('/').pop() as string]?.properties.type?.const,
    );
    expect(sorted(consts as string[])).to.deep.equal(sorted(questionTypes));
  });

  it('types: ProfileRole and NumericUnit match the schema enums', () => {
    expect(sorted((defs.profileRole as unknown as { enum: string[] }).enum)).to.deep.equal(
      sorted(profileRoles),
    );
    expect(sorted(defs.numericQuestion?.properties.unit?.enum)).to.deep.equal(sorted(numericUnits));
  });

  it('types: every object schema is closed with additionalProperties false', () => {
    const open: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.properties && record.additionalProperties !== false) open.push(path);
      for (const [k, v] of Object.entries(record)) visit(v, `${path}/${k}`);
    };
    visit(schema, '');
    expect(open).to.deep.equal([]);
  });
});
