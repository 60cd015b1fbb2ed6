/**
 * Exact binomial draws, fast whatever n is: the bootstrap draws how many of a resample's n patients
 * land on each profile (`multinomial.ts`), with n up to the size of a cohort.
 *
 * - Mean below 10 (n·p, with p ≤ ½ by symmetry): inversion by sequential search from 0 (algorithm
 *   BINV of V. Kachitvichyanukul and B. W. Schmeiser, "Binomial random variate generation",
 *   Communications of the ACM 31 (1988) 216–222; L. Devroye, *Non-Uniform Random Variate Generation*,
 *   1986, §X.4.3): one uniform, about n·p + 1 steps.
 * - Otherwise: BTRS, transformed rejection with squeeze, of W. Hörmann, "The generation of binomial
 *   random variates", Journal of Statistical Computation and Simulation 46 (1993) 101–110, the form
 *   TensorFlow and JAX use: two uniforms per try, about 1.15 tries, the acceptance test on the exact
 *   log-probability ratio (by Stirling's series with its error term), so the draws are exact, not a
 *   normal approximation.
 *
 * Both consume only `nextUint32`, two outputs per uniform, so the same generator state gives the
 * same draws everywhere.
 */
import type { Xoshiro128StarStar } from "../random/xoshiro128.js";

/** What the draws need of a generator: its 32-bit outputs. */
export type Uint32Source = Pick<Xoshiro128StarStar, "nextUint32">;

/** Below this mean, inversion; from it, BTRS (Hörmann's bound for his constants, n·p ≥ 10). */
const INVERSION_MEAN_LIMIT = 10;
const TWO_POW_26 = 2 ** 26;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * A uniform double in [0, 1) with 53 random bits, from two 32-bit outputs: 27 and 26 of their high
 * bits, as `genrand_res53` of M. Matsumoto and T. Nishimura's MT19937 reference code does.
 */
export function uniform53(random: Uint32Source): number {
  const high = random.nextUint32() >>> 5;
  const low = random.nextUint32() >>> 6;
  return (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
}

/**
 * A draw from Binomial(n, p).
 *
 * @param n trials, a whole number ≥ 0 (below 2^53)
 * @param p the probability of each, in [0, 1]
 */
export function binomial(n: number, p: number, random: Uint32Source): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`binomial: n must be a whole number ≥ 0 (got ${n})`);
  if (!(p >= 0 && p <= 1)) throw new Error(`binomial: p must be in [0, 1] (got ${p})`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  // Draw the rarer outcome, so that p ≤ ½ below and the mean decides the method.
  const flipped = p > 0.5;
  const rare = flipped ? 1 - p : p;
  const draw = n * rare < INVERSION_MEAN_LIMIT ? byInversion(n, rare, random) : byTransformedRejection(n, rare, random);
  return flipped ? n - draw : draw;
}

/**
 * BINV: walk the probabilities P(0), P(1), … down from one uniform until it is spent, with
 * P(k) = P(k − 1) · (n − k + 1)/k · p/q. In the rare case that rounding leaves the uniform above the
 * sum of them all, the walk passes n, and starts again with a new uniform.
 */
function byInversion(n: number, p: number, random: Uint32Source): number {
  const q = 1 - p;
  const odds = p / q;
  const step = (n + 1) * odds;
  // q^n as exp(n·log(1 − p)): pow(1 − p, n) would carry the rounding of 1 − p n times over.
  const atZero = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = uniform53(random);
    let k = 0;
    let probability = atZero;
    while (u > probability && k <= n) {
      u -= probability;
      k++;
      probability *= step / k - odds;
    }
    if (k <= n) return k;
  }
}

/**
 * BTRS (Hörmann 1993, §3, with p ≤ ½ and n·p ≥ 10). A try maps (u, v) uniform on the box through the
 * inverse of a hat that lies above the binomial; inside its central part (the squeeze) k is accepted
 * at once, otherwise where log v lies below log(P(k)/P(m)), m the mode, written as Hörmann does, with
 * `stirlingTail` terms, so that nothing of the size of log n! is subtracted.
 */
function byTransformedRejection(n: number, p: number, random: Uint32Source): number {
  const q = 1 - p;
  const spread = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spread;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const squeezeLimit = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spread;
  const odds = p / q;
  const mode = Math.floor((n + 1) * p);
  const atMode = (mode + 0.5) * Math.log((mode + 1) / (odds * (n - mode + 1))) + stirlingTail(mode) + stirlingTail(n - mode);
  for (;;) {
    const u = uniform53(random) - 0.5;
    let v = uniform53(random);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= squeezeLimit) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const logRatio =
      atMode +
      (n + 1) * Math.log((n - mode + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((odds * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= logRatio) return k;
  }
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Below this k the tail is taken from log k! summed directly; from it, Stirling's series. */
const SERIES_FROM = 10;

/**
 * log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π], the error of Stirling's formula at k + 1, for
 * k = 0 … 9 from log k! as a sum of logs (exact to a few units in the last place).
 */
const SMALL_TAILS = Float64Array.from({ length: SERIES_FROM }, (_, k) => {
  let logFactorial = 0;
  for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
  return logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_TWO_PI);
});

/**
 * The same for any k ≥ 0: from 10 on, the series 1/12m − 1/360m³ + 1/1260m⁵ with m = k + 1 (as
 * TensorFlow's BTRS), whose next term, 1/1680m⁷, is below 3e-11 at k = 10 and falls as k⁻⁷: for n in
 * the thousands, less than the rounding of the acceptance test's other terms. An error of that size
 * changes a draw only where v falls that close to the bound.
 */
function stirlingTail(k: number): number {
  if (k < SERIES_FROM) return SMALL_TAILS[k]!;
  const m = k + 1;
  const inverseSquare = 1 / (m * m);
  return (1 / 12 - (1 / 360 - inverseSquare / 1260) * inverseSquare) / m;
}
