import { describe, expect, it } from "vitest";
import { differenceInDifferences, differenceInDifferencesReplicates } from "../../src/stats/difference-in-differences.js";

describe("statistics.md difference in differences: did_pct = change_pct − comparison.change_pct", () => {
  it("is in percentage points", () => {
    // -20.26404666871354 - (-12.5) = -7.76404666871354
    expect(differenceInDifferences(-20.26404666871354, -12.5)).toBeCloseTo(-7.76404666871354, 12);
    expect(differenceInDifferences(-5, 3)).toBe(-8);
  });

  it("is null if either change is null", () => {
    expect(differenceInDifferences(null, -12.5)).toBeNull();
    expect(differenceInDifferences(-20, null)).toBeNull();
  });

  it("pairs the two groups' replicates, discarding a replicate lost on either side", () => {
    const referred = Float64Array.from([-20, -25, Number.NaN, -10]);
    const comparison = Float64Array.from([-5, Number.NaN, -8, -12]);
    expect(Array.from(differenceInDifferencesReplicates(referred, comparison))).toEqual([-15, Number.NaN, Number.NaN, 2]);
    expect(() => differenceInDifferencesReplicates(referred, new Float64Array(3))).toThrow(/differenceInDifferencesReplicates/);
  });
});
