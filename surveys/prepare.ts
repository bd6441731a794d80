import type { ConditionNode } from './conditions/ast.js';
import { parseCondition } from './conditions/parse.js';
import type { Question, SurveyDefinition, UnitItem } from './types.js';
import { questionSites, resolveScale } from './walk.js';

/** Lookups derived once per definition object and shared by validation calls. */
export interface PreparedDefinition {
  top: Map<string, Question>;
  /** Per-unit items by unit block key, then item code. */
  unitItems: Map<string, Map<string, UnitItem>>;
  /** Don't-know codes of top-level ratings, and per block of top-level plus that block's ratings. */
  dontKnowTop: Map<string, number>;
  dontKnowByBlock: Map<string, Map<string, number>>;
  condition(text: string): ConditionNode;
  /** Per-definition cache for compiled validators, keyed by mode and edition units. */
  validators: Map<string, unknown>;
}

const prepared = new WeakMap<SurveyDefinition, PreparedDefinition>();

/** Cached per definition object: definitions are treated as immutable once published. */
export function prepare(definition: SurveyDefinition): PreparedDefinition {
  const cached = prepared.get(definition);
  if (cached) return cached;
  const top = new Map<string, Question>();
  const unitItems = new Map<string, Map<string, UnitItem>>();
  const dontKnowTop = new Map<string, number>();
  const dontKnowByBlock = new Map<string, Map<string, number>>();
  const sites = questionSites(definition);
  for (const site of sites) {
    const q = site.question;
    const dk = q.type === 'rating' ? resolveScale(definition, q.scale)?.dontKnow?.code : undefined;
    if (!site.parent) {
      top.set(q.code, q as Question);
      if (dk !== undefined) dontKnowTop.set(q.code, dk);
    } else if (site.block !== undefined) {
      const items = unitItems.get(site.block) ?? new Map<string, UnitItem>();
      unitItems.set(site.block, items);
      items.set(q.code, q as UnitItem);
      const dks = dontKnowByBlock.get(site.block) ?? new Map<string, number>();
      dontKnowByBlock.set(site.block, dks);
      if (dk !== undefined) dks.set(q.code, dk);
    }
  }
  for (const dks of dontKnowByBlock.values()) for (const [code, dk] of dontKnowTop) dks.set(code, dk);
  const conditions = new Map<string, ConditionNode>();
  const result: PreparedDefinition = {
    top,
    unitItems,
    dontKnowTop,
    dontKnowByBlock,
    condition(text) {
      let ast = conditions.get(text);
      if (!ast) {
        ast = parseCondition(text);
        conditions.set(text, ast);
      }
      return ast;
    },
    validators: new Map(),
  };
  prepared.set(definition, result);
  return result;
}
