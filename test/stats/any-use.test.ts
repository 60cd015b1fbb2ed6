import { describe, expect, it } from "vitest";
import { anyUsePct as anyUseOfTable } from "../../src/stats/any-use.js";
import { tabulateProfiles } from "../../src/stats/profile-table.js";

/** The share of one window's counts, as the row's table holds them (its only field). */
function anyUsePct(counts: ArrayLike<number>): number | null {
  return anyUseOfTable(tabulateProfiles([counts]), 0);
}
import { changePct } from "../../src/core/aggregate.js";

describe("statistics.md shares with any use: pre_any_pct, post_any_pct", () => {
  it("is the percentage of patients with at least one event", () => {
    // 100 * mean(c(0, 2, 0, 1, 0, 0, 5, 0) > 0) = 37.5
    expect(anyUsePct([0, 2, 0, 1, 0, 0, 5, 0])).toBe(37.5);
    // sprintf("%.17g", 100 / 3) = 33.333333333333336
    expect(anyUsePct(Int32Array.from([0, 0, 1]))).toBe(33.333333333333336);
    expect(anyUsePct([0, 0])).toBe(0);
    expect(anyUsePct([3])).toBe(100);
  });

  it("shows a fall carried by a few heavy users as no change", () => {
    const pre = [10, 8, 1, 1, 0, 0];
    const post = [2, 1, 1, 1, 0, 0];
    expect(anyUsePct(pre)).toBe(anyUsePct(post));
  });

  it("is null for a row without patients", () => {
    expect(anyUsePct([])).toBeNull();
  });

  it("reads the field it is asked for, and refuses one the profile does not have", () => {
    const pairs = tabulateProfiles([[0, 2, 0, 1], [1, 1, 0, 0]]);
    // 100 * mean(c(0, 2, 0, 1) > 0) = 50; 100 * mean(c(1, 1, 0, 0) > 0) = 50, from other patients
    expect(anyUseOfTable(pairs, 0)).toBe(50);
    expect(anyUseOfTable(pairs, 1)).toBe(50);
    expect(() => anyUseOfTable(pairs, 2)).toThrow(/anyUsePct: field/);
  });
});

describe("evaluation.md rule 5: change_pct from summed counts", () => {
  it("is (post − pre) / pre × 100, null where pre is 0", () => {
    // (2597 - 3257) / 3257 * 100 = -20.264046668713540
    expect(changePct(3257, 2597)).toBeCloseTo(-20.26404666871354, 12);
    // (291 - 363) / 363 * 100 = -19.834710743801654
    expect(changePct(363, 291)).toBeCloseTo(-19.834710743801654, 12);
    expect(changePct(4, 5)).toBe(25);
    expect(changePct(0, 5)).toBeNull();
    expect(changePct(0, 0)).toBeNull();
  });
});
