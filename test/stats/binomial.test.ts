import { describe, expect, it } from "vitest";
import { binomial, uniform53, type Uint32Source } from "../../src/stats/binomial.js";
import { streamFor } from "../../src/stats/random-stream.js";

/** A source whose 32-bit outputs are scripted. */
function scripted(outputs: number[]): Uint32Source & { left: number[] } {
  const left = [...outputs];
  return {
    left,
    nextUint32: () => {
      const next = left.shift();
      if (next === undefined) throw new Error("script ran out");
      return next;
    },
  };
}

/**
 * Binomial(n, p) probabilities of k = lo … hi, from the ratio P(k + 1) / P(k) = (n − k)/(k + 1) · p/q
 * walked out from the mode and normalised over mode ± 40 standard deviations (the rest is below
 * 1e-300): theory, independent of the Stirling terms of the code under test.
 */
function binomialProbabilities(n: number, p: number): (k: number) => number {
  const q = 1 - p;
  const mode = Math.floor((n + 1) * p);
  const reach = Math.ceil(40 * Math.sqrt(n * p * q)) + 40;
  const from = Math.max(0, mode - reach);
  const to = Math.min(n, mode + reach);
  const relative = new Float64Array(to - from + 1);
  relative[mode - from] = 1;
  for (let k = mode; k < to; k++) relative[k + 1 - from] = (relative[k - from]! * (n - k) * p) / ((k + 1) * q);
  for (let k = mode; k > from; k--) relative[k - 1 - from] = (relative[k - from]! * k * q) / ((n - k + 1) * p);
  const sum = relative.reduce((total, value) => total + value, 0);
  return (k) => (k < from || k > to ? 0 : relative[k - from]! / sum);
}

describe("the test's own binomial probabilities agree with R's dbinom", () => {
  it.each([
    // dbinom(5, 20, 0.3) = 0.17886305056988; dbinom(15, 100, 0.15) = 0.111090959349765
    [20, 0.3, 5, 0.17886305056988],
    [100, 0.15, 15, 0.111090959349765],
    // dbinom(300, 1000, 0.3) = 0.0275210038212684; dbinom(500000, 1e6, 0.5) = 0.00079788436133175
    [1000, 0.3, 300, 0.0275210038212684],
    [1_000_000, 0.5, 500_000, 0.00079788436133175],
  ])("Binomial(%d, %d) at %d", (n, p, k, expected) => {
    expect(Math.abs(binomialProbabilities(n, p)(k) - expected) / expected).toBeLessThan(1e-9);
  });
});

describe("uniform53: a uniform double in [0, 1) from the high bits of two 32-bit outputs", () => {
  it("puts 27 bits of the first output above 26 of the second", () => {
    expect(uniform53(scripted([0, 0]))).toBe(0);
    // ((2^32 − 1) >>> 5) · 2^26 + ((2^32 − 1) >>> 6) = 2^53 − 1: the largest double below 1.
    expect(uniform53(scripted([2 ** 32 - 1, 2 ** 32 - 1]))).toBe(1 - 2 ** -53);
    // The low 5 and 6 bits are not read; bit 5 of the first is 2^-26, bit 6 of the second 2^-53.
    expect(uniform53(scripted([0b11111, 0b111111]))).toBe(0);
    expect(uniform53(scripted([1 << 5, 1 << 6]))).toBe(2 ** -27 + 2 ** -53);
  });
});

describe("binomial: the certain cases, and what it refuses", () => {
  it("gives 0 for no trials or p = 0 and n for p = 1, using no random numbers", () => {
    const none = scripted([]);
    expect(binomial(0, 0.4, none)).toBe(0);
    expect(binomial(7, 0, none)).toBe(0);
    expect(binomial(7, 1, none)).toBe(7);
  });

  it("refuses trials that are not a whole number ≥ 0, and a probability outside [0, 1]", () => {
    const random = streamFor(1, 0, 0);
    expect(() => binomial(-1, 0.5, random)).toThrow(/binomial: n/);
    expect(() => binomial(2.5, 0.5, random)).toThrow(/binomial: n/);
    expect(() => binomial(3, 1.5, random)).toThrow(/binomial: p/);
    expect(() => binomial(3, Number.NaN, random)).toThrow(/binomial: p/);
  });

  it("draws by inversion from one uniform below a mean of 10: the k where the uniform is spent", () => {
    // Binomial(2, ½): P(0) = ¼, P(1) = ½. A uniform of ½ is past P(0) and within P(0) + P(1): k = 1.
    // (2^31 >>> 5) · 2^26 / 2^53 = ½ exactly, from the outputs 2^31 and 0.
    const random = scripted([2 ** 31, 0]);
    expect(binomial(2, 0.5, random)).toBe(1);
    expect(random.left).toEqual([]);
    expect(binomial(2, 0.5, scripted([0, 0]))).toBe(0);
  });
});

describe("binomial draws have the binomial's mean and variance, in both methods and both halves of p", () => {
  // Mean below 10 by inversion, otherwise BTRS; p above ½ draws the failures and gives n minus them.
  const cases: [string, number, number][] = [
    ["inversion, one trial", 1, 0.3],
    ["inversion, small n", 10, 0.5],
    ["inversion, just below a mean of 10", 1000, 0.0099],
    ["inversion, a million trials of a rare profile", 1_000_000, 3e-6],
    ["inversion, p above ½", 1_000_000, 1 - 8e-6],
    ["BTRS, a mean of 10", 100, 0.1],
    ["BTRS, p = ½", 1000, 0.5],
    ["BTRS, a million trials", 1_000_000, 0.3],
    ["BTRS, p above ½", 5000, 0.8],
    ["BTRS, two billion trials", 2_000_000_000, 0.01],
  ];
  const draws = 100_000;
  it.each(cases)("%s: Binomial(%d, %d)", (_, n, p) => {
    const random = streamFor(11, 0, Math.round(n * p));
    const values = new Float64Array(draws);
    for (let i = 0; i < draws; i++) values[i] = binomial(n, p, random);
    expect(values.every((value) => Number.isInteger(value) && value >= 0 && value <= n)).toBe(true);
    const mean = values.reduce((total, value) => total + value, 0) / draws;
    const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / (draws - 1);
    const sigma2 = n * p * (1 - p);
    // Standard errors from theory: the mean's √(npq / N); the sample variance's √((μ₄ − σ⁴) / N), with
    // the binomial's fourth central moment μ₄ = npq·(1 + 3pq·(n − 2)). Six of them: a correct
    // sampler strays that far with probability about 2e-9.
    const fourth = sigma2 * (1 + 3 * p * (1 - p) * (n - 2));
    expect(Math.abs(mean - n * p)).toBeLessThan(6 * Math.sqrt(sigma2 / draws));
    expect(Math.abs(variance - sigma2)).toBeLessThan(6 * Math.sqrt((fourth - sigma2 * sigma2) / draws));
  });
});

describe("binomial draws follow the binomial distribution (chi-squared against the exact probabilities)", () => {
  // Bins: k below lo, then lo … hi in steps of `width`, then above hi; every bin expects ≥ 5 of 200 000.
  // Bounds: qchisq(1 - 1e-6, c(12, 16, 21, 81, 41)) = 50.825252 58.324390 67.146509 156.452219 99.173938
  const cases: [string, number, number, number, number, number, number][] = [
    ["inversion", 20, 0.3, 1, 11, 1, 50.825252],
    ["inversion, a mean of 8", 200, 0.04, 2, 16, 1, 58.32439],
    ["BTRS, a mean of 15", 100, 0.15, 6, 25, 1, 67.146509],
    ["BTRS", 1000, 0.3, 260, 339, 1, 156.452219],
    ["BTRS, a million trials", 1_000_000, 0.5, 498_000, 501_999, 100, 99.173938],
  ];
  const draws = 200_000;
  it.each(cases)("%s: Binomial(%d, %d)", (_, n, p, lo, hi, width, bound) => {
    const bins = (hi - lo + 1) / width + 2;
    const binOf = (k: number) => (k < lo ? 0 : k > hi ? bins - 1 : 1 + Math.floor((k - lo) / width));
    const observed = new Float64Array(bins);
    const random = streamFor(12, 0, n);
    for (let i = 0; i < draws; i++) observed[binOf(binomial(n, p, random))]!++;
    const probability = binomialProbabilities(n, p);
    const expected = new Float64Array(bins);
    const mode = Math.floor((n + 1) * p);
    const reach = Math.ceil(40 * Math.sqrt(n * p * (1 - p))) + 40;
    for (let k = Math.max(0, mode - reach); k <= Math.min(n, mode + reach); k++) expected[binOf(k)]! += probability(k) * draws;
    expect(Math.min(...expected)).toBeGreaterThanOrEqual(5);
    let chiSquared = 0;
    for (let bin = 0; bin < bins; bin++) chiSquared += (observed[bin]! - expected[bin]!) ** 2 / expected[bin]!;
    expect(chiSquared).toBeLessThan(bound);
  });
});
