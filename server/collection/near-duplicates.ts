// Near-duplicate open-mode submissions, robust to a flood: responses are taken in the order they
// were stored (mixer batch, then id: no order is kept inside a batch), and a response is flagged
// only when it nearly equals an earlier unflagged one. The first of a cluster is never flagged, and
// a flood of copies cannot flag the genuine answers stored before it.
//
// Candidates come from bands, so the work stays about linear (pairwise comparison took minutes at
// 20,000 responses). Two answer sets with Jaccard similarity ≥ t disagree (a different value, or an
// item only one answered) on at most D ≤ min(|x|, |y|)·(1 − t)/t items. Split the items into B > D
// bands by a hash of the item: at least one band then holds the same answers in both, so an exact
// match on some band's answers finds every candidate. A response probes with B = D(|y|) + 1 and
// is indexed, once unflagged, under every B up to D(|x|/t) + 1 (its largest possible partner). Only
// unflagged responses are indexed, so copies of one answer add no work for later ones. (A band
// that both leave empty is not indexed: with B ≥ 2 a band holds about 9 items on average.)

/** One open-mode response: its stored order and its answers as "unit/item" → value. */
export interface AnswerVector {
  id: string;
  batch: number;
  answers: Map<string, string>;
}

export interface NearDuplicateRule {
  /** Share of equal answers over the union of answered items (Jaccard). */
  share: number;
  /** Fewest answered items (in the union) for a comparison to count. */
  minCompared: number;
}

/** id → share of answers equal to the earlier response it repeats. */
export function nearDuplicates(vectors: AnswerVector[], rule: NearDuplicateRule): Map<string, number> {
  const ordered = [...vectors].sort((a, b) => a.batch - b.batch || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const maxDisagree = (size: number) => Math.floor((size * (1 - rule.share)) / rule.share + 1e-9);
  const index = new Map<string, AnswerVector[]>();
  const flagged = new Map<string, number>();
  for (const v of ordered) {
    const seen = new Set<AnswerVector>();
    let best = 0;
    for (const band of bands(v.answers, maxDisagree(v.answers.size) + 1)) {
      for (const earlier of index.get(band) ?? []) {
        if (seen.has(earlier)) continue;
        seen.add(earlier);
        best = Math.max(best, similarity(v.answers, earlier.answers, rule.minCompared));
      }
    }
    if (best >= rule.share) {
      flagged.set(v.id, best);
      continue;
    }
    const widest = maxDisagree(Math.floor(v.answers.size / rule.share)) + 1;
    for (let b = 1; b <= widest; b++) {
      for (const band of bands(v.answers, b)) {
        const posting = index.get(band);
        if (posting) posting.push(v);
        else index.set(band, [v]);
      }
    }
  }
  return flagged;
}

/** The answers split into `count` bands by a hash of the item, each as one string; empty bands left out. */
function bands(answers: Map<string, string>, count: number): string[] {
  const parts: string[][] = Array.from({ length: count }, () => []);
  for (const [k, v] of answers) parts[hash(k) % count]!.push(`${k}=${v}`);
  return parts.flatMap((p, b) => (p.length === 0 ? [] : [`${count}:${b}:${p.sort().join('\u0001')}`]));
}

/** FNV-1a of a string: the same item falls in the same band in every response. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Jaccard similarity of two answer maps, 0 when their union has fewer than `minCompared` items. */
function similarity(a: Map<string, string>, b: Map<string, string>, minCompared: number): number {
  let equal = 0;
  for (const [k, v] of a) if (b.get(k) === v) equal++;
  const union = a.size + b.size - equal;
  return union < minCompared || union === 0 ? 0 : equal / union;
}
