import { describe, expect, test } from "vitest";
import { clampedNormalInt, frailty, pickWeighted, poisson } from "../../src/synth/distributions.js";
import { createRandom, hash32, Random } from "../../src/synth/random.js";

describe("xoshiro128**", () => {
  test("matches the reference C code from the state 1, 2, 3, 4", () => {
    // Expected values: https://prng.di.unimi.it/xoshiro128starstar.c compiled with gcc, s = {1, 2, 3, 4},
    // printing next() six times.
    const random = new Random([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => random.uint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  test("refuses the all-zero state, from which it would only ever return 0", () => {
    expect(() => new Random([0, 0, 0, 0])).toThrow(/all zero/);
  });
});

describe("createRandom", () => {
  const draws = (random: Random, n = 8): number[] => Array.from({ length: n }, () => random.uint32());

  test("the same seed and streams give the same numbers", () => {
    expect(draws(createRandom(1, 3))).toEqual(draws(createRandom(1, 3)));
  });

  test("another seed or another stream gives other numbers", () => {
    const base = draws(createRandom(1, 3));
    expect(draws(createRandom(2, 3))).not.toEqual(base);
    expect(draws(createRandom(1, 4))).not.toEqual(base);
    expect(draws(createRandom(1))).not.toEqual(base);
  });

  test("float stays in [0, 1) and int in its bounds", () => {
    const random = createRandom(9);
    let outside = 0;
    for (let k = 0; k < 10_000; k++) {
      const x = random.float();
      const n = random.int(-2, 3);
      if (!(x >= 0 && x < 1) || !(n >= -2 && n <= 3 && Number.isInteger(n))) outside++;
    }
    expect(outside).toBe(0);
  });
});

describe("hash32", () => {
  test("gives distinct outputs for distinct inputs (it is a bijection)", () => {
    const seen = new Set<number>();
    for (let k = 0; k < 100_000; k++) seen.add(hash32(k));
    expect(seen.size).toBe(100_000);
  });
});

describe("distributions", () => {
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

  test("poisson has the mean asked for, for small and split large means", () => {
    const random = createRandom(5);
    expect(mean(Array.from({ length: 20_000 }, () => poisson(random, 0.7)))).toBeCloseTo(0.7, 1);
    expect(mean(Array.from({ length: 5_000 }, () => poisson(random, 75)))).toBeGreaterThan(74);
    expect(mean(Array.from({ length: 5_000 }, () => poisson(random, 75)))).toBeLessThan(76);
    expect(poisson(random, 0)).toBe(0);
  });

  test("frailty has mean 1 and variance 1 / shape", () => {
    const random = createRandom(6);
    const values = Array.from({ length: 40_000 }, () => frailty(random, 0.6));
    const m = mean(values);
    expect(m).toBeCloseTo(1, 1);
    expect(mean(values.map((v) => (v - m) ** 2))).toBeGreaterThan(1.5);
    expect(mean(values.map((v) => (v - m) ** 2))).toBeLessThan(1.85);
  });

  test("pickWeighted follows the weights; clampedNormalInt stays in bounds", () => {
    const random = createRandom(7);
    const picks = Array.from({ length: 10_000 }, () => pickWeighted(random, [["a", 0.9], ["b", 0.1]] as const));
    expect(picks.filter((p) => p === "b").length).toBeGreaterThan(800);
    expect(picks.filter((p) => p === "b").length).toBeLessThan(1200);
    const ages = Array.from({ length: 1000 }, () => clampedNormalInt(random, 77, 8.5, 55, 101));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(55);
    expect(Math.max(...ages)).toBeLessThanOrEqual(101);
  });
});
