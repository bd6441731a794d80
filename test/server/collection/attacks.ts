// The attacker of the anonymity suite (attacks.test.ts): what each attack can see is a dump of the
// database with system columns, taken during collection and at the end, the issued codes with
// their firms (even mapped to code hashes, as if the secret had leaked too), and a log of polling
// the public code check. Each attack names, for every response, the firms it cannot tell apart
// (its candidates). Its score is the expected number of right guesses picking one candidate at
// random: Σ [true firm ∈ candidates] / |candidates|. Chance, with batches of k, is responses / k.

export interface ResponseRow {
  id: string;
  xmin: string;
  xmax: string;
  ctid: string;
  submittedOn: string;
  /** Bytes of the stored row plus its per-unit rows: what a length attack sees. */
  size: number;
  answers: Record<string, unknown>;
}

export interface CodeRow {
  hash: string;
  firm: string;
  xmin: string;
  xmax: string;
  ctid: string;
  used: boolean;
}

/** What a dump taken during collection shows of one code: its row version and what sits next to it. */
export interface MidCode {
  hash: string;
  xmin: string;
  /** Length of a pending row in the same transaction as the code row, if any. */
  pendingBytes: number | null;
  /** Length of the code's draft, if any. */
  draftBytes: number | null;
}

/** Poll log: for every code, the first poll round at which it read "used" (null: never). */
export type PollLog = Map<string, number | null>;

export type Candidates = Map<string, string[]>;

export interface Score {
  attack: string;
  /** Expected right attributions when picking one candidate at random. */
  expected: number;
  /** Responses for which the attack had exactly one candidate, and it was right. */
  exact: number;
  responses: number;
}

export function score(attack: string, truth: Map<string, string>, candidates: Candidates): Score {
  let expected = 0;
  let exact = 0;
  for (const [id, firm] of truth) {
    const c = candidates.get(id) ?? [];
    if (c.includes(firm)) {
      expected += 1 / c.length;
      if (c.length === 1) exact++;
    }
  }
  return { attack, expected, exact, responses: truth.size };
}

const group = <T>(items: T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
};

const ctidOrder = (a: string, b: string): number => {
  const [pa, ia] = a.slice(1, -1).split(',').map(Number);
  const [pb, ib] = b.slice(1, -1).split(',').map(Number);
  return pa! - pb! || ia! - ib!;
};

/** Responses and codes joined on a system column (xmin = xmin, xmax = xmin or xmax). */
export function joinOn(
  responses: ResponseRow[],
  codes: CodeRow[],
  rKey: (r: ResponseRow) => string,
  cKeys: (c: CodeRow) => string[],
): Candidates {
  const byKey = new Map<string, string[]>();
  for (const c of codes.filter((c) => c.used))
    for (const k of cKeys(c)) if (k !== '0') byKey.set(k, [...(byKey.get(k) ?? []), c.firm]);
  return new Map(responses.map((r) => [r.id, rKey(r) === '0' ? [] : (byKey.get(rKey(r)) ?? [])]));
}

/**
 * Pairs the i-th response with the i-th used code, both sorted by `order`: one guess each. Rows
 * with equal keys cannot be told apart; they become one candidate set.
 */
export function pairByOrder(
  responses: ResponseRow[],
  codes: CodeRow[],
  rOrder: (a: ResponseRow, b: ResponseRow) => number,
  cOrder: (a: CodeRow, b: CodeRow) => number,
): Candidates {
  const rs = [...responses].sort(rOrder);
  const cs = codes.filter((c) => c.used).sort(cOrder);
  return new Map(rs.map((r, i) => [r.id, cs[i] ? [cs[i]!.firm] : []]));
}

export const byCtid = (a: { ctid: string }, b: { ctid: string }): number => ctidOrder(a.ctid, b.ctid);
export const byXminThenCtid = (a: { xmin: string; ctid: string }, b: { xmin: string; ctid: string }) =>
  Number(a.xmin) - Number(b.xmin) || ctidOrder(a.ctid, b.ctid);

/**
 * The polling attacker: codes in the order they were first seen "used", responses in the order
 * they were stored (xmin, ctid); the j-th group of codes that turned "used" in one poll round is
 * matched with the j-th group of responses stored in one transaction.
 */
export function pollRounds(responses: ResponseRow[], codes: CodeRow[], log: PollLog): Candidates {
  const rounds = [
    ...group(
      codes.filter((c) => log.get(c.hash) != null),
      (c) => String(log.get(c.hash)),
    ),
  ]
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, cs]) => cs.map((c) => c.firm));
  const batches = [...group(responses, (r) => r.xmin)].sort((a, b) => Number(a[0]) - Number(b[0]));
  const out: Candidates = new Map();
  batches.forEach(([, rs], j) => {
    for (const r of rs) out.set(r.id, rounds[j] ?? []);
  });
  return out;
}

/**
 * The length attacker: within each stored batch, ranks the responses by size and the batch's
 * codes by the length of their pending row or draft seen in a dump during collection, and pairs
 * equal quantiles; codes of equal length cannot be told apart.
 */
export function sizes(responses: ResponseRow[], codes: CodeRow[], mid: MidCode[]): Candidates {
  const seen = new Map(mid.map((m) => [m.hash, m.pendingBytes ?? m.draftBytes]));
  const out: Candidates = new Map();
  const codesByXmin = group(
    codes.filter((c) => c.used),
    (c) => c.xmin,
  );
  for (const [xmin, rs] of group(responses, (r) => r.xmin)) {
    const cs = (codesByXmin.get(xmin) ?? []).filter((c) => seen.get(c.hash) != null);
    const lengths = [...new Set(cs.map((c) => seen.get(c.hash)!))].sort((a, b) => a - b);
    const sorted = [...rs].sort((a, b) => a.size - b.size);
    sorted.forEach((r, i) => {
      const want = lengths[Math.floor((i / sorted.length) * lengths.length)];
      out.set(
        r.id,
        cs.filter((c) => seen.get(c.hash) === want).map((c) => c.firm),
      );
    });
  }
  return out;
}

/** Leftover drafts, opened with the codes: a response whose answers equal a draft's is that firm's. */
export function draftLeftovers(
  responses: ResponseRow[],
  drafts: Array<{ firm: string; answers: Record<string, unknown> }>,
): Candidates {
  const key = (a: Record<string, unknown>) => JSON.stringify(Object.entries(a).sort());
  const byAnswers = group(drafts, (d) => key(d.answers));
  return new Map(responses.map((r) => [r.id, (byAnswers.get(key(r.answers)) ?? []).map((d) => d.firm)]));
}
