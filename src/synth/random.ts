/**
 * The synthetic extracts' own pseudo-random numbers, so that the same seed gives the same bytes on
 * every machine and Node version (`Math.random` can be neither seeded nor reproduced).
 *
 * Generator: xoshiro128** 1.1, D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM Transactions on Mathematical Software 47(4), 2021; reference C code at
 * https://prng.di.unimi.it/xoshiro128starstar.c (32-bit words, period 2^128 − 1).
 *
 * Seeding: the authors advise filling the state from a SplitMix generator; this is its 32-bit form
 * (a Weyl sequence stepped by the golden ratio, finished by `hash32`).
 */

/**
 * A bijective 32-bit integer hash: C. Wellons' hash-prospector two-round xorshift-multiply function
 * (constants 0x21f0aaad, 0x735a2d97). Xorshifts and odd multipliers are invertible, so distinct inputs
 * give distinct outputs — which the pseudonymous patient identifiers rely on.
 */
export function hash32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

const GOLDEN_GAMMA = 0x9e3779b9;
const TWO_TO_32 = 4294967296;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** A generator from its raw 128-bit state (not all zero); `createRandom` is the usual way in. */
  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((word) => word >>> 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new Error("Random: the state must not be all zero");
  }

  /** Next uniform 32-bit unsigned integer (xoshiro128** `next`). */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1), on a grid of 2^-32: fine enough for drawing synthetic counts and days. */
  float(): number {
    return this.uint32() / TWO_TO_32;
  }

  /** Uniform whole number in [low, high]; the bias of scaling a 32-bit draw is below range / 2^32. */
  int(low: number, high: number): number {
    return low + Math.floor(this.float() * (high - low + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }
}

/**
 * A generator for `seed` and a path of stream numbers: each part of a synthetic extract draws from
 * its own stream, so that changing how one part is drawn does not reshuffle every other part.
 */
export function createRandom(seed: number, ...streams: number[]): Random {
  let mixed = hash32(seed);
  for (const stream of streams) mixed = hash32(mixed ^ hash32(stream + GOLDEN_GAMMA));
  let weyl = mixed;
  const next = (): number => {
    weyl = (weyl + GOLDEN_GAMMA) >>> 0;
    return hash32(weyl);
  };
  const state: [number, number, number, number] = [next(), next(), next(), next()];
  // hash32 is a bijection of distinct Weyl steps, so at most one word can be zero.
  return new Random(state);
}
