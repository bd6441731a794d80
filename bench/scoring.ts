// npm run bench:scoring — speed of the scoring engine on a synthetic DDCI edition (20,000 respondents × 80 items
// × 60 units in 3 blocks, seeded) and on ASEM (51 units × 49 indicators). Prints the median of several runs, its
// CPU time (user + system; on a shared machine wall time also counts other processes), the target and PASS/MISS.
// Options: --quick (fewer repeats), --repeat-bootstrap N.

import { loadavg } from 'node:os';
import { bootstrap } from '#scoring/bootstrap.js';
import { computeIndex } from '#scoring/compute.js';
import { surveyIndicators } from '#scoring/indicators/index.js';
import { prepare } from '#scoring/prepare.js';
import { reweight } from '#scoring/reweight.js';
import { sensitivity } from '#scoring/sensitivity.js';
import { reweighter } from '#scoring/reweighter.js';
import { sobolIndex } from '#scoring/sobol-index.js';
import { randomSource } from '#scoring/random.js';
import { computeIndex as computeAsem } from '#scoring/compute.js';
import { asemCase2 } from './asem.js';
import { asemEdition } from './asem.js';
import { syntheticDdci } from './synthetic-ddci.js';

const quick = process.argv.includes('--quick');
const flag = process.argv.indexOf('--repeat-bootstrap');
const repeatBootstrap = flag > 0 ? Number(process.argv[flag + 1]) : quick ? 1 : 3;

interface Timing {
  wall: number;
  cpu: number;
}

let heapPeak = 0;
function sampleHeap(): void {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}

function measure(repeat: number, fn: () => unknown): Timing {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
    sampleHeap();
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const rows: [string, Timing, number, number][] = [];
function report(label: string, t: Timing, target: number, repeat: number): void {
  rows.push([label, t, target, repeat]);
  // One decimal from 10 ms up: rounded to whole ms, 199.6 ms printed as "200 ms … target < 200 ms PASS".
  const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
  // Strict: the issue asks for "under" the target.
  // On a shared machine wall time also counts other processes' turns on the cores; cpu is this process's own.
  const verdict = `${t.wall < target ? 'PASS' : 'MISS'} (cpu ${t.cpu < target ? 'PASS' : 'MISS'})`;
  console.log(
    `${label.padEnd(46)} ${ms(t.wall).padStart(9)}  cpu ${ms(t.cpu).padStart(9)}  target < ${ms(target).padEnd(7)} ${verdict}  (median of ${repeat})`,
  );
}

console.log(
  `node ${process.version} · load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
let t0 = performance.now();
const edition = syntheticDdci({ respondents: 20000, items: 80, units: 60, seed: 2024 });
const { methodology: ddci, observations, units } = edition;
console.log(
  `synthetic DDCI: ${observations.length} observations × ${80} items × ${units.length} units in 3 blocks, generated in ${(performance.now() - t0).toFixed(0)} ms`,
);
sampleHeap();

const full = () => computeIndex(ddci, surveyIndicators(observations, ddci, { units }));
full(); // warm-up
report('DDCI full: responses → indicators → scores', measure(quick ? 3 : 9, full), 200, quick ? 3 : 9);

const table = surveyIndicators(observations, ddci, { units });
const prepared = prepare(ddci, table);
let flip = 0;
const rew = () => reweight(prepared, { TRANS: ++flip % 2 ? 3 : 1, I_Q005: 0.5 });
for (let i = 0; i < 5; i++) rew();
report('DDCI re-weight (prepared → scores, ranks, tiers)', measure(51, rew), 5, 51);

const R = 1000;
t0 = performance.now();
bootstrap(observations, ddci, { units, resamples: 20, seed: 1 }); // warm-up
const boot = measure(repeatBootstrap, () => bootstrap(observations, ddci, { units, resamples: R, seed: 1 }));
report(`DDCI bootstrap, ${R} resamples`, boot, 5000, repeatBootstrap);

const asem = asemEdition();
const mcOptions = {
  runs: 1000,
  seed: 1,
  weights: { p: 0.25 },
  normalisers: [
    { method: 'minmax' as const, lower: 1, upper: 100 },
    { method: 'zscore' as const, mean: 100, sd: 10 },
  ],
  aggregators: [{ aggregator: 'arithmetic' as const }, { aggregator: 'geometric' as const }],
};
sensitivity(asem.methodology, asem.table, { ...mcOptions, runs: 20 }); // warm-up
report(
  'ASEM Monte Carlo, 1000 runs (weights ±25 %, 2 normalisers × 2 aggregators)',
  measure(quick ? 3 : 5, () => sensitivity(asem.methodology, asem.table, mcOptions)),
  1000,
  quick ? 3 : 5,
);

// Weights-only uncertainty on ASEM (COINr get_sensitivity(SA_type = "UA") with noisy weights, case 1).
const weightsOnly = { runs: 1000, seed: 1, weights: { p: 0.25 } };
for (let i = 0; i < 5; i++) sensitivity(asem.methodology, asem.table, weightsOnly); // warm-up
const ua = measure(quick ? 11 : 31, () => sensitivity(asem.methodology, asem.table, weightsOnly));
report('ASEM uncertainty, weights only ±25 %, 1000 draws', ua, 10, quick ? 11 : 31);

// Re-weighting loop: 1000 weight sets, each giving every node's score and the composite's ranks.
const loop = reweighter(prepare(asem.methodology, asem.table));
const rng = randomSource('weight-sets');
const sets = Array.from({ length: 1000 }, () => Float64Array.from(loop.codes, () => rng.uniform(0.5, 1.5)));
const scan = () => {
  for (const w of sets) loop.scores(w);
};
for (let i = 0; i < 5; i++) scan();
const rw = measure(quick ? 11 : 31, scan);
report('ASEM re-weighting loop, 1000 weight sets (scores + ranks)', rw, 20, quick ? 11 : 31);
console.log(`  = ${rw.wall.toFixed(1)} µs per weight set wall, ${rw.cpu.toFixed(1)} µs cpu (target ≤ 20 µs)`);

// Sobol: weights and normaliser uncertain, N = 1000 base samples, 1000 bootstrap replicates.
const sobolOptions = {
  n: 1000,
  bootstrap: 1000,
  seed: 1,
  weights: { p: 0.25 },
  normalisers: [
    { method: 'minmax' as const, lower: 0, upper: 100 },
    { method: 'zscore' as const, mean: 100, sd: 10 },
    { method: 'rank' as const },
  ],
};
sobolIndex(asem.methodology, asem.table, { ...sobolOptions, n: 50, bootstrap: 10 }); // warm-up
const sob = measure(quick ? 3 : 7, () => sobolIndex(asem.methodology, asem.table, sobolOptions));
report('ASEM Sobol, N = 1000, weights + normaliser (4000 runs, 1000 bootstrap)', sob, 200, quick ? 3 : 7);

// COINr's example coin (denominate, impute, screen, treat, normalise, aggregate).
const coin = asemCase2();
for (let i = 0; i < 3; i++) computeAsem(coin.methodology, coin.table);
const build = measure(quick ? 5 : 21, () => computeAsem(coin.methodology, coin.table));
console.log(
  `ASEM example coin build (computeIndex, case 2)   ${build.wall.toFixed(2)} ms  cpu ${build.cpu.toFixed(2)} ms (no target)`,
);

// COINr 1.1.14 on this machine, as quoted in issue #11 (not run here: the machine has no R).
console.log('\nCOINr 1.1.14 reference figures (quoted from issue #11, not measured here) and ratios:');
const ratio = (lo: number, hi: number, ours: Timing) =>
  `${(lo / ours.wall).toFixed(0)}–${(hi / ours.wall).toFixed(0)}× faster by wall time, ${(lo / ours.cpu).toFixed(0)}–${(hi / ours.cpu).toFixed(0)}× by cpu time`;
console.log(
  `  weights-only uncertainty, 1000 draws: COINr 19–21 s · ours ${ua.wall.toFixed(1)} ms · ${ratio(19000, 21000, ua)}`,
);
console.log(
  `  re-aggregation loop, 1000 weight sets: COINr 6.1 s · ours ${rw.wall.toFixed(1)} ms · ${ratio(6100, 6100, rw)}`,
);
console.log(
  `  building the example coin: COINr 67–72 ms · ours ${build.wall.toFixed(2)} ms · ${ratio(67, 72, build)}\n`,
);

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const maxRss = process.resourceUsage().maxRSS * 1024;
console.log(
  `peak memory: rss ${mb(maxRss)} (process max) · heap used ${mb(heapPeak)} (max sampled after each run)`,
);
const missed = rows.filter(([, t, target]) => t.wall >= target).length;
const missedCpu = rows.filter(([, t, target]) => t.cpu >= target).length;
console.log(
  `${missed === 0 ? 'all targets met' : `${missed} target(s) missed`} by wall time; ${missedCpu === 0 ? 'all met' : `${missedCpu} missed`} by cpu time · load average now ${loadavg()[0]!.toFixed(2)}`,
);
