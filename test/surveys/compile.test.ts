import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { compileResponseSchema } from '#surveys/compile.js';
import { ddciDemo2025 } from '#surveys/shipped.js';
import { minimalDefinition, miniEdition } from './support/minimal.js';

type S = Record<string, unknown> & { properties: Record<string, S> };
const compiled = (draft = false): S =>
  compileResponseSchema(minimalDefinition(), miniEdition, { draft }) as S;

describe('compileResponseSchema', () => {
  it('compileResponseSchema(definition, edition) declares JSON Schema 2020-12 and closes every object', () => {
    const schema = compiled();
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).to.equal(false);
    expect(schema.properties.answers?.additionalProperties).to.equal(false);
    expect(schema.properties.units?.additionalProperties).to.equal(false);
  });

  it('compileResponseSchema(definition, edition) lists every top-level item and no per-unit item under answers', () => {
    expect(Object.keys(compiled().properties.answers?.properties ?? {})).to.deep.equal([
      'Q1',
      'Q2',
      'Q3',
      'Q4',
      'Q5',
      'Q6',
      'U',
    ]);
  });

  it('compileResponseSchema(definition, edition) limits a single choice to its option codes', () => {
    expect(compiled().properties.answers?.properties.Q1).to.deep.equal({ enum: [1, 2] });
  });

  it("compileResponseSchema(definition, edition) allows a rating's points and its don't-know code", () => {
    expect(compiled().properties.answers?.properties.Q3).to.deep.equal({ enum: [1, 2, 3, 4, 9] });
  });

  it('compileResponseSchema(definition, edition) gives a numeric item its bounds and integer type', () => {
    expect(compiled().properties.answers?.properties.Q4).to.deep.equal({
      type: 'integer',
      minimum: 0,
      maximum: 30,
    });
  });

  it("compileResponseSchema(definition, edition) limits a selector to the edition's unit codes", () => {
    expect(compiled().properties.answers?.properties.U).to.deep.equal({
      type: 'array',
      items: { type: 'string', enum: ['SO_TC', 'SO_XD', 'CUC_THUE'] },
      uniqueItems: true,
      minItems: 1,
      maxItems: 2,
    });
  });

  it('compileResponseSchema(definition, edition) keys per-unit answers by edition unit codes', () => {
    const block = compiled().properties.units?.properties.departments as S & { additionalProperties: S };
    expect(block.propertyNames).to.deep.equal({ enum: ['SO_TC', 'SO_XD', 'CUC_THUE'] });
    expect(Object.keys(block.additionalProperties.properties)).to.deep.equal(['R1', 'R2', 'R3']);
    expect(block.additionalProperties.additionalProperties).to.equal(false);
  });

  it('compileResponseSchema(definition, edition, {draft: true}) drops minimum selections but keeps maximums', () => {
    const u = compiled(true).properties.answers?.properties.U;
    expect(u).to.not.have.property('minItems');
    expect(u).to.have.property('maxItems', 2);
  });

  it('compileResponseSchema(definition, edition) allows no unit at all when the edition block is empty', () => {
    const schema = compileResponseSchema(minimalDefinition(), { units: { departments: [] } }) as S;
    expect(schema.properties.answers?.properties.U).to.include({ items: false });
    expect(schema.properties.units?.properties.departments).to.include({ maxProperties: 0 });
  });

  it('compileResponseSchema(definition, edition) throws when the edition has no list for a block', () => {
    expect(() => compileResponseSchema(minimalDefinition(), { units: {} })).to.throw(
      TypeError,
      'edition context has no units for block departments',
    );
  });

  it('compileResponseSchema(definition, edition) yields a schema Ajv compiles in strict mode for the shipped survey', () => {
    const schema = compileResponseSchema(ddciDemo2025, {
      units: { departments: ['SO_TC'], localities: ['P_BAI_CHAY'] },
    });
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    ajv.addKeyword('formatMinimum').addKeyword('formatMaximum');
    expect(() => ajv.compile(schema)).to.not.throw();
  });
});
