import { TWO_POW_32, Xoshiro128StarStar } from "../random/xoshiro128.js";

/**
 * The synthetic extracts' own pseudo-random numbers, so that the same seed gives the same bytes on
 * every machine and Node version (`Math.random` can be neither seeded nor reproduced).
 *
 * Generator: the same xoshiro128** as the bootstrap (`src/random/xoshiro128.ts`).
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

/** The bootstrap's xoshiro128** with the few draws the synthetic extracts need. */
export class Random extends Xoshiro128StarStar {
  /** Next uniform 32-bit unsigned integer. */
  uint32(): number {
    return this.nextUint32();
  }

  /** Uniform in [0, 1), on a grid of 2^-32: fine enough for drawing synthetic counts and days. */
  float(): number {
    return this.nextUint32() / TWO_POW_32;
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
