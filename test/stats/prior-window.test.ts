import { describe, expect, it } from "vitest";
import { priorWindowCheck as checkOfTable, tabulatePriorWindow, type PriorWindowCounts } from "../../src/stats/prior-window.js";

/** The check on per-patient counts, as a row hands them over: tabulated, then checked. */
function priorWindowCheck(counts: PriorWindowCounts) {
  return checkOfTable(tabulatePriorWindow(counts));
}

describe("statistics.md prior window: the check on the patients whose prior window is covered", () => {
  it("sums prior and pre over the covered patients only", () => {
    const result = priorWindowCheck({
      priorCovered: [true, false, true, true, false],
      prior: [1, 9, 0, 3, 9],
      pre: [2, 5, 1, 2, 5],
    });
    // covered: prior 1 + 0 + 3 = 4, pre 2 + 1 + 2 = 5; (5 - 4) / 4 * 100 = 25
    expect(result).toEqual({ prior_patients: 3, prior: 4, prior_pre: 5, prior_change_pct: 25 });
  });

  it("has a null change where the covered patients' prior count is 0", () => {
    expect(priorWindowCheck({ priorCovered: [true, true], prior: [0, 0], pre: [1, 0] })).toEqual({
      prior_patients: 2,
      prior: 0,
      prior_pre: 1,
      prior_change_pct: null,
    });
  });

  it("is 0 patients and nulls where no patient's prior window is covered", () => {
    const none = { prior_patients: 0, prior: null, prior_pre: null, prior_change_pct: null };
    expect(priorWindowCheck({ priorCovered: [false, false], prior: [3, 1], pre: [2, 2] })).toEqual(none);
    expect(priorWindowCheck({ priorCovered: [], prior: [], pre: [] })).toEqual(none);
  });

  it("refuses arrays of different lengths, naming itself", () => {
    expect(() => priorWindowCheck({ priorCovered: [true], prior: [1, 2], pre: [1, 2] })).toThrow(/tabulatePriorWindow/);
    expect(() => checkOfTable({ width: 2, profiles: new Int32Array(0), patients: new Float64Array(0), total: 0 })).toThrow(/priorWindowCheck/);
  });
});
