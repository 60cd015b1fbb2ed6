import { describe, expect, test } from "vitest";
import { MAX_NIGHTS, nightsInHospital } from "../../src/synth/length-of-stay.js";
import { createRandom } from "../../src/synth/random.js";

function stays(method: string, age: number, n = 20_000): number[] {
  const random = createRandom(11);
  return Array.from({ length: n }, () => nightsInHospital(random, method, age)).sort((a, b) => a - b);
}
const share = (nights: number[], test: (x: number) => boolean): number => nights.filter(test).length / nights.length;
const quantile = (sorted: number[], q: number): number => sorted[Math.floor(q * (sorted.length - 1))] as number;

// The targets are the brief's for emergency admissions (issue 16): many same-day spells, a median of
// 3 to 4 nights for people of 55 and over, a long tail to about 60 nights.
describe("nightsInHospital", () => {
  test("an emergency spell of someone over 55: a fifth same-day, median 3 to 4 nights, a tail to 60", () => {
    const nights = stays("21", 77);
    expect(share(nights, (x) => x === 0)).toBeGreaterThan(0.18);
    expect(share(nights, (x) => x === 0)).toBeLessThan(0.26);
    expect(quantile(nights, 0.5)).toBeGreaterThanOrEqual(3);
    expect(quantile(nights, 0.5)).toBeLessThanOrEqual(4);
    expect(quantile(nights, 0.99)).toBeGreaterThan(30);
    expect(nights.at(-1)).toBe(MAX_NIGHTS);
  });

  test("younger people's emergency spells are shorter; whole nights from 0 to 60 for every method", () => {
    expect(quantile(stays("21", 35), 0.5)).toBeLessThan(quantile(stays("21", 77), 0.5));
    expect(quantile(stays("2A", 8), 0.5)).toBeLessThanOrEqual(quantile(stays("21", 35), 0.5));
    for (const method of ["21", "28", "11", "12", "13", "31", "32", "81", "82", "83"]) {
      const nights = stays(method, 50, 2000);
      expect(nights.every((x) => Number.isInteger(x) && x >= 0 && x <= MAX_NIGHTS), method).toBe(true);
    }
  });

  test("elective admissions are mostly day cases; a transfer in rarely goes home the same day", () => {
    expect(share(stays("11", 60), (x) => x === 0)).toBeGreaterThan(0.65);
    expect(share(stays("81", 60), (x) => x === 0)).toBeLessThan(0.1);
  });
});
