/**
 * The pseudo-random generator behind every bootstrap (statistics.md: "a pseudo-random generator
 * written for the purpose (not `Math.random`)"), so that the same inputs and flags give the same bytes
 * on every platform and Node version.
 *
 * xoshiro128** 1.1: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM Transactions on Mathematical Software 47(4), 2021, article 36; reference C code at
 * https://prng.di.unimi.it/xoshiro128starstar.c. 128 bits of state, period 2^128 − 1, passes
 * BigCrush, and needs only 32-bit integer operations, which JavaScript does exactly with `Math.imul`
 * and `>>> 0`.
 */

export const TWO_POW_32 = 2 ** 32;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;
/** Largest n for which a 32-bit draw times n stays below 2^53, so a double holds the product exactly. */
const EXACT_PRODUCT_LIMIT = 2 ** 21;
const TWO_POW_16 = 65536;

function rotateLeft(word: number, bits: number): number {
  return (word << bits) | (word >>> (32 - bits));
}

/** What a bootstrap needs of a generator: uniform whole numbers below a bound, one or many at a time. */
export interface RandomSource {
  uniformInt(n: number): number;
  fillUniformInts(target: Int32Array, n: number): void;
}

export class Xoshiro128StarStar implements RandomSource {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** The four 32-bit state words, not all zero (the one state the generator cannot leave). */
  constructor(state: readonly [number, number, number, number]) {
    const [s0, s1, s2, s3] = state;
    if (state.some((word) => !Number.isInteger(word) || word < 0 || word >= TWO_POW_32)) {
      throw new Error("Xoshiro128StarStar: each state word must be an integer in [0, 2^32)");
    }
    if ((s0 | s1 | s2 | s3) === 0) {
      throw new Error("Xoshiro128StarStar: the state must not be all zero");
    }
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** The next 32-bit output, as an integer in [0, 2^32). */
  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /**
   * A uniform integer in [0, n), free of modulo bias.
   *
   * For n ≤ 2^21, D. Lemire's nearly divisionless multiply-and-shift with rejection ("Fast random
   * integer generation in an interval", ACM Transactions on Modeling and Computer Simulation 29(1),
   * 2019, article 3; arXiv:1805.10941): the 32-bit draw x maps to ⌊x·n / 2^32⌋, and
   * the draws whose low part falls below 2^32 mod n are rejected so every result has exactly
   * ⌊2^32 / n⌋ preimages. x·n < 2^53 there, so the double product is exact. Larger n (cohorts of
   * over two million patients) use the classic rejection of OpenBSD's `arc4random_uniform`: reject
   * x < 2^32 mod n, then take x mod n.
   */
  uniformInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new Error("uniformInt: n must be a whole number from 1 to 2^32");
    }
    if (n <= EXACT_PRODUCT_LIMIT) {
      let product = this.nextUint32() * n;
      let high = Math.floor(product * TWO_POW_MINUS_32);
      let low = product - high * TWO_POW_32;
      if (low < n) {
        // Only now is the (slow) remainder needed: 2^32 mod n < n, so low ≥ n is never rejected.
        const threshold = TWO_POW_32 % n;
        while (low < threshold) {
          product = this.nextUint32() * n;
          high = Math.floor(product * TWO_POW_MINUS_32);
          low = product - high * TWO_POW_32;
        }
      }
      return high;
    }
    const threshold = TWO_POW_32 % n;
    let draw = this.nextUint32();
    while (draw < threshold) draw = this.nextUint32();
    return draw % n;
  }

  /**
   * Fills `target` with uniform whole numbers in [0, n), free of modulo bias: the bootstrap's hot
   * loop, a whole resample at a time, with the state held in local variables.
   *
   * For n ≤ 2^16 each 32-bit output gives two 16-bit draws h, its high half first, and each maps by
   * Lemire's method with 16 bits: m = h·n, the value is ⌊m / 2^16⌋, and h is rejected where
   * m mod 2^16 < 2^16 mod n, so every value has exactly ⌊2^16 / n⌋ preimages. A half left over when
   * `target` is full is dropped. Every step is 32-bit integer arithmetic, about twice as fast in V8 as
   * one double-precision `uniformInt` per draw. For larger n, `uniformInt(n)` per element.
   */
  fillUniformInts(target: Int32Array, n: number): void {
    if (target.length === 0) return;
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new Error("fillUniformInts: n must be a whole number from 1 to 2^32");
    }
    if (n > TWO_POW_16) {
      for (let i = 0; i < target.length; i++) target[i] = this.uniformInt(n);
      return;
    }
    const threshold = TWO_POW_16 % n;
    const length = target.length;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let filled = 0;
    while (filled < length) {
      // nextUint32 written out, rotations included (a call to rotateLeft here costs a third of the
      // time in V8); the output stays a signed 32-bit word, as only its halves are read.
      const times5 = Math.imul(s1, 5);
      const output = Math.imul((times5 << 7) | (times5 >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      // h·n < 2^32: Math.imul's low 32 bits are the whole product, read unsigned by >>>.
      const high = Math.imul(output >>> 16, n);
      if ((high & 0xffff) >= threshold) target[filled++] = high >>> 16;
      if (filled < length) {
        const low = Math.imul(output & 0xffff, n);
        if ((low & 0xffff) >= threshold) target[filled++] = low >>> 16;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }
}
