import { describe, expect, it } from "vitest";
import { normalCdf } from "../../src/stats/normal-cdf.js";

/** |actual − expected| ≤ relative · |expected|, or both exactly zero. */
function expectRelative(actual: number, expected: number, relative: number): void {
  if (expected === 0) {
    expect(actual).toBe(0);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(relative);
}

describe("normalCdf agrees with R's pnorm to 1e-12, tails included", () => {
  // R 4.2.2: for (z in ...) cat(sprintf("%.17g", pnorm(z)))
  const pnorm: [number, number][] = [
    [-37.5, 4.6053530095819552e-308],
    [-30, 4.9067139271481872e-198],
    [-20, 2.7536241186062337e-89],
    [-10, 7.6198530241605269e-24],
    [-8, 6.2209605742717849e-16],
    [-6, 9.8658764503769809e-10],
    [-5.657, 7.7020881721775998e-9],
    [-5.6, 1.071759025831093e-8],
    [-3, 0.0013498980316300946],
    [-1.96, 0.024997895148220428],
    [-1, 0.15865525393145705],
    [-0.66291, 0.25369409838974],
    [-0.5, 0.30853753872598694],
    [-1e-10, 0.49999999996010575],
    [0, 0.5],
    [1e-10, 0.5000000000398942],
    [0.3, 0.61791142218895267],
    [0.66292, 0.74630910406752737],
    [1, 0.84134474606854293],
    [1.96, 0.97500210485177963],
    [3, 0.9986501019683699],
    [5, 0.99999971334842808],
    [5.7, 0.99999999400962858],
    [8, 0.99999999999999933],
  ];
  it.each(pnorm)("Φ(%d)", (z, expected) => {
    expectRelative(normalCdf(z), expected, 1e-12);
  });

  it("is 0 and 1 where R's pnorm is (beyond the smallest normal double)", () => {
    // pnorm(-38) == 0; pnorm(-40) == 0; pnorm(9) == 1; pnorm(40) == 1
    expect(normalCdf(-38)).toBe(0);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(9)).toBe(1);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it("is symmetric, Φ(−z) = 1 − Φ(z), away from the far tail", () => {
    for (const z of [0.1, 0.66291, 0.7, 1.5, 2.5, 4, 5.65, 5.66]) {
      expect(normalCdf(-z) + normalCdf(z)).toBeCloseTo(1, 15);
    }
  });

  it("refuses NaN, naming the function", () => {
    expect(() => normalCdf(Number.NaN)).toThrow(/normalCdf/);
  });
});
