/**
 * The few distributions the synthetic extracts draw from, over `Random`. Each names its method;
 * only `Math.log`, `Math.sqrt` and `Math.pow` are used on top of the generator's integers.
 */
import type { Random } from "./random.js";

/** Standard normal: Marsaglia and Bray's polar method (SIAM Review 6(3), 1964); the twin is dropped. */
export function normal(random: Random): number {
  for (;;) {
    const u = 2 * random.float() - 1;
    const v = 2 * random.float() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * Gamma with the given shape and scale 1: Marsaglia and Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000; for shape < 1, their boost Gamma(shape + 1) · U^(1/shape).
 */
export function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(1 - random.float(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.float();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Gamma with mean 1 and variance 1 / shape: the frailty that makes counts overdispersed. */
export function frailty(random: Random, shape: number): number {
  return gamma(random, shape) / shape;
}

const KNUTH_LIMIT = 30;

/**
 * Poisson: Knuth's product of uniforms (TAOCP vol. 2, 3.4.1) for small means; a larger mean is split
 * in two halves, since the sum of independent Poisson counts is Poisson with the summed mean.
 */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > KNUTH_LIMIT) return poisson(random, mean / 2) + poisson(random, mean / 2);
  const limit = Math.exp(-mean);
  let count = 0;
  let product = 1 - random.float();
  while (product > limit) {
    count++;
    product *= 1 - random.float();
  }
  return count;
}

/** One value from `[value, weight]` pairs, with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  // Indexed loops: this runs for every row of the scale mode.
  let total = 0;
  for (let i = 0; i < choices.length; i++) total += (choices[i] as readonly [T, number])[1];
  let target = random.float() * total;
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i] as readonly [T, number];
    target -= choice[1];
    if (target < 0) return choice[0];
  }
  const last = choices[choices.length - 1];
  if (!last) throw new Error("pickWeighted: no choices");
  return last[0];
}

/** The position of one entry of `weights`, with probability proportional to its value. */
export function pickIndexWeighted(random: Random, weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let target = random.float() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/** A whole number from a normal distribution, rounded and kept within [min, max]. */
export function clampedNormalInt(random: Random, mean: number, sd: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(mean + sd * normal(random))));
}
