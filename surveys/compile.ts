import type { EditionContext, Question, SurveyDefinition, UnitItem } from './types.js';
import { questionSites, resolveScale, unitSelectors } from './walk.js';

export interface CompileOptions {
  /** Drafts check types, options and bounds but not selection counts (required lives in validate). */
  draft?: boolean;
}

type Schema = Record<string, unknown>;

/**
 * A JSON Schema 2020-12 for a submission to this definition in this edition. It fixes types,
 * option codes, scales, bounds, lengths, and the edition's unit codes, and rejects unknown keys.
 * Required-ness and visibility depend on answers, so validateResponse checks them after the schema.
 */
export function compileResponseSchema(
  definition: SurveyDefinition,
  edition: EditionContext,
  options: CompileOptions = {},
): Schema {
  const draft = options.draft === true;
  const unitsOf = (block: string): readonly string[] => {
    if (!edition || typeof edition.units !== 'object' || !Object.hasOwn(edition.units, block)) {
      throw new TypeError(`edition context has no units for block ${block}`);
    }
    return edition.units[block] as readonly string[];
  };
  const selectors = unitSelectors(definition);
  const answers: Record<string, Schema> = {};
  const blocks = new Map<string, Record<string, Schema>>();

  for (const site of questionSites(definition)) {
    const q = site.question;
    if (q.type === 'unitRatings') {
      const block = selectors.get(q.selector)?.block;
      if (block !== undefined && !blocks.has(block)) blocks.set(block, {});
      continue;
    }
    const schema = valueSchema(definition, q, draft, unitsOf);
    if (!site.parent) answers[q.code] = schema;
    else if (site.block !== undefined) (blocks.get(site.block) as Record<string, Schema>)[q.code] = schema;
  }

  const units: Record<string, Schema> = {};
  for (const [block, items] of blocks) {
    const codes = unitsOf(block);
    units[block] = {
      type: 'object',
      ...(codes.length > 0 ? { propertyNames: { enum: [...codes] } } : { maxProperties: 0 }),
      additionalProperties: { type: 'object', additionalProperties: false, properties: items },
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${definition.id} ${draft ? 'draft' : 'response'}`,
    type: 'object',
    additionalProperties: false,
    required: ['answers'],
    properties: {
      answers: { type: 'object', additionalProperties: false, properties: answers },
      units: { type: 'object', additionalProperties: false, properties: units },
    },
  };
}

function valueSchema(
  definition: SurveyDefinition,
  q: Exclude<Question | UnitItem, { type: 'unitRatings' }>,
  draft: boolean,
  unitsOf: (block: string) => readonly string[],
): Schema {
  const counts = (min: number | undefined, max: number | undefined): Schema => ({
    ...(!draft && min !== undefined && min > 0 ? { minItems: min } : {}),
    ...(max !== undefined ? { maxItems: max } : {}),
  });
  switch (q.type) {
    case 'single':
      return { enum: q.options.map((o) => o.code) };
    case 'multiple': {
      const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.code);
      return {
        type: 'array',
        items: { enum: q.options.map((o) => o.code) },
        uniqueItems: true,
        ...counts(q.minSelections, q.maxSelections),
        ...(exclusive.length > 0
          ? { allOf: exclusive.map((code) => ({ if: { contains: { const: code } }, then: { maxItems: 1 } })) }
          : {}),
      };
    }
    case 'rating': {
      const scale = resolveScale(definition, q.scale);
      if (!scale) throw new TypeError(`unknown scale for ${q.code}`);
      const values: number[] = Array.from({ length: scale.points }, (_, i) => i + 1);
      return { enum: scale.dontKnow ? [...values, scale.dontKnow.code] : values };
    }
    case 'numeric':
      return {
        type: q.integer ? 'integer' : 'number',
        ...(q.minimum !== undefined ? { minimum: q.minimum } : {}),
        ...(q.maximum !== undefined ? { maximum: q.maximum } : {}),
      };
    case 'text':
      return { type: 'string', maxLength: q.maxLength };
    case 'date':
      return {
        type: 'string',
        format: 'date',
        ...(q.minimum !== undefined ? { formatMinimum: q.minimum } : {}),
        ...(q.maximum !== undefined ? { formatMaximum: q.maximum } : {}),
      };
    case 'units': {
      const codes = unitsOf(q.block);
      return {
        type: 'array',
        items: codes.length > 0 ? { type: 'string', enum: [...codes] } : false,
        uniqueItems: true,
        ...counts(q.minSelections, q.maxSelections),
      };
    }
  }
}
