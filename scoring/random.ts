// Seeded pseudo-random numbers for the bootstrap, the Monte Carlo and the synthetic benchmark data.
//
// Generator: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c), state seeded
// with splitmix32 so that nearby seeds give unrelated streams. We do not use d3-random's randomLcg: a plain
// 32-bit LCG has period 2^32 and lattice structure in successive draws, which matters when one bootstrap
// consumes tens of millions of draws.
//
// Determinism: the state update uses only 32-bit integer operations (Math.imul, shifts, xor), so uniform()
// and int() give bit-identical sequences in every JavaScript engine. normal() also calls Math.log and
// Math.sqrt; sqrt is exact by IEEE-754, and V8, SpiderMonkey and JavaScriptCore all use fdlibm-derived log,
// but ECMAScript does not require a correctly rounded log, so normal() is reproducible on a given engine and,
// in practice, across the major ones.

export interface Random {
  /** A float in [0, 1) with 53 random bits; or in [min, max) when bounds are given. */
  uniform(min?: number, max?: number): number;
  /** An integer in [min, max) (half-open, as d3.randomInt), without modulo bias. */
  int(min: number, max: number): number;
  /** A normal deviate (Marsaglia polar method); mean mu, standard deviation sigma. */
  normal(mu?: number, sigma?: number): number;
  /** The next raw 32-bit output as an unsigned integer. */
  nextUint32(): number;
  /** out[0 … count) ← count uniform() draws in [0, 1), the same numbers as count calls (state kept in registers). */
  fillUniform(out: Float64Array, count: number): void;
}

const TWO32 = 4294967296;
const TWO21 = 2097152;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

// FNV-1a over UTF-16 code units: turns a string seed (e.g. "ddci-2024") into 32 bits.
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * randomSource(seed) returns a deterministic generator. seed is an integer (up to ±2^53) or a string.
 */
export function randomSource(seed: number | string): Random {
  let lo: number;
  let hi: number;
  if (typeof seed === 'string') {
    lo = hashString(seed);
    hi = hashString(`${seed}\u0000`);
  } else if (typeof seed === 'number' && Number.isSafeInteger(seed)) {
    lo = seed >>> 0;
    hi = Math.floor(seed / TWO32) >>> 0;
  } else {
    throw new TypeError('seed is not an integer or a string');
  }
  const mix = splitmix32(lo ^ Math.imul(hi, 0x9e3779b9));
  let a = mix();
  let b = mix();
  let c = mix() ^ hi;
  let d = mix();
  if ((a | b | c | d) === 0) d = 1; // the all-zero state is a fixed point

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result >>> 0;
  }

  function uniform01(): number {
    // 53 bits: 27 from one draw, 26 from the next, as in the reference double conversion.
    const x = nextUint32() >>> 5;
    const y = nextUint32() >>> 6;
    return (x * 67108864 + y) / 9007199254740992;
  }

  // Lemire's nearly-divisionless rejection on 32 bits: the products stay below 2^53 while n < 2^21, so they are
  // exact, and `>>> 0` takes them modulo 2^32. The slow modulo runs only when the low part is below n.
  function below(n: number): number {
    if (n < TWO21) {
      let m = nextUint32() * n;
      let low = m >>> 0;
      if (low < n) {
        const threshold = (TWO32 - n) % n;
        while (low < threshold) {
          m = nextUint32() * n;
          low = m >>> 0;
        }
      }
      return Math.floor(m / TWO32);
    }
    for (;;) {
      const r = Math.floor(uniform01() * n);
      if (r < n) return r;
    }
  }

  // uniform01() unrolled over a local copy of the state: the same numbers, without a context slot access per step.
  function fillUniform(out: Float64Array, count: number): void {
    let s0 = a;
    let s1 = b;
    let s2 = c;
    let s3 = d;
    for (let i = 0; i < count; i++) {
      let r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const x = r >>> 5;
      r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      out[i] = (x * 67108864 + (r >>> 6)) / 9007199254740992;
    }
    a = s0;
    b = s1;
    c = s2;
    d = s3;
  }

  let spare = NaN;
  return {
    nextUint32,
    fillUniform,
    uniform(min = 0, max = 1) {
      const u = uniform01();
      return min === 0 && max === 1 ? u : min + u * (max - min);
    },
    int(min, max) {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max))
        throw new TypeError('bounds are not integers');
      if (max <= min) throw new RangeError('max is not greater than min');
      return min + below(max - min);
    },
    normal(mu = 0, sigma = 1) {
      if (spare === spare) {
        const z = spare;
        spare = NaN;
        return mu + sigma * z;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = uniform01() * 2 - 1;
        v = uniform01() * 2 - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return mu + sigma * u * f;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
