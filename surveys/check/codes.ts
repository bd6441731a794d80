import { message } from '#surveys/messages.js';
import type { LocatedError, SurveyDefinition } from '#surveys/types.js';
import { questionSites, resolveScale } from '#surveys/walk.js';

/**
 * Uniqueness and reference checks: section ids, block keys, item codes per scope, option codes,
 * profile roles, one selector per block, selector and scale references.
 */
export function checkCodes(definition: SurveyDefinition): LocatedError[] {
  const errors: LocatedError[] = [];
  const push = (path: string, code: string, params: Record<string, string | number>): void => {
    errors.push({ path, code, message: message(code, params) });
  };

  const sectionIds = new Set<string>();
  definition.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) push(`/sections/${s}/id`, 'duplicate_section_id', { id: section.id });
    sectionIds.add(section.id);
  });
  const blockKeys = new Set<string>();
  definition.blocks.forEach((block, b) => {
    if (blockKeys.has(block.key)) push(`/blocks/${b}/key`, 'duplicate_block_key', { key: block.key });
    blockKeys.add(block.key);
  });

  const sites = questionSites(definition);
  const topCodes = new Set(sites.filter((s) => !s.parent).map((s) => s.question.code));
  const seenTop = new Set<string>();
  // Per-unit codes are unique per unit block: two rating blocks over one block share its answers.
  const seenUnit = new Map<string, Set<string>>();
  const selectorByBlock = new Map<string, string>();
  const roles = new Map<string, string>();

  for (const site of sites) {
    const q = site.question;
    if (!site.parent) {
      if (seenTop.has(q.code)) push(`${site.path}/code`, 'duplicate_item_code', { code: q.code });
      seenTop.add(q.code);
    } else {
      const scope = site.block ?? `?${site.parentPath}`;
      const seen = seenUnit.get(scope) ?? new Set<string>();
      seenUnit.set(scope, seen);
      if (seen.has(q.code) || topCodes.has(q.code))
        push(`${site.path}/code`, 'duplicate_item_code', { code: q.code });
      seen.add(q.code);
    }

    if (q.type === 'units') {
      if (!blockKeys.has(q.block)) push(`${site.path}/block`, 'unknown_block', { block: q.block });
      const other = selectorByBlock.get(q.block);
      if (other !== undefined)
        push(`${site.path}/block`, 'duplicate_unit_selector', { block: q.block, other });
      else selectorByBlock.set(q.block, q.code);
    }
    if (q.type === 'unitRatings') {
      const target = sites.find((s) => !s.parent && s.question.code === q.selector);
      if (target?.question.type !== 'units')
        push(`${site.path}/selector`, 'unknown_selector', { code: q.selector });
    }
    if (q.type === 'rating' && typeof q.scale === 'string' && !resolveScale(definition, q.scale)) {
      push(`${site.path}/scale`, 'unknown_scale', { scale: q.scale });
    }
    if ((q.type === 'single' || q.type === 'numeric') && q.profileRole !== undefined) {
      if (site.parent) push(`${site.path}/profileRole`, 'misplaced_profile_role', {});
      const other = roles.get(q.profileRole);
      if (other !== undefined)
        push(`${site.path}/profileRole`, 'duplicate_profile_role', { role: q.profileRole, other });
      else roles.set(q.profileRole, q.code);
    }
    if (q.type === 'single' || q.type === 'multiple') {
      const codes = new Set<string>();
      q.options.forEach((option, o) => {
        const key = String(option.code);
        const path = `${site.path}/options/${o}`;
        if (codes.has(key)) push(`${path}/code`, 'duplicate_option_code', { code: key, item: q.code });
        codes.add(key);
        if (option.exclusive !== undefined && q.type === 'single')
          push(`${path}/exclusive`, 'misplaced_exclusive', {});
      });
    }
  }
  return errors;
}
