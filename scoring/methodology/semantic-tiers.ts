import type { TierRule } from './types.js';

type Finding = [path: string, rule: string, message: string];

const FIELD = { fixed: 'cutoffs', quantile: 'probabilities', meansd: 'k' } as const;

/** The tier rule's own list is present, strictly descending (best first), and labels number cut-offs + 1. */
export function tierIssues(rule: TierRule): Finding[] {
  const out: Finding[] = [];
  const field = FIELD[rule.method];
  for (const other of Object.values(FIELD)) {
    if (other !== field && rule[other] !== undefined) {
      out.push([`/${other}`, 'tier-fields', `"${other}" does not apply to tier method "${rule.method}"`]);
    }
  }
  const list = rule[field];
  if (!list) return [...out, ['', 'tier-fields', `tier method "${rule.method}" needs "${field}"`]];
  for (let i = 1; i < list.length; i++) {
    if (!(list[i]! < list[i - 1]!)) {
      out.push([
        `/${field}/${i}`,
        'tier-cutoffs-ordered',
        `${field} must be strictly descending (best tier first)`,
      ]);
    }
  }
  const seen = new Map<string, number>();
  rule.labels.forEach((label, i) => {
    if (label.code === undefined) return;
    const first = seen.get(label.code);
    if (first !== undefined)
      out.push([
        `/labels/${i}/code`,
        'tier-code-unique',
        `tier code "${label.code}" is also label ${first}'s`,
      ]);
    else seen.set(label.code, i);
  });
  if (rule.labels.length !== list.length + 1) {
    out.push(['/labels', 'tier-labels-count', `${list.length} ${field} need ${list.length + 1} labels`]);
  }
  return out;
}
