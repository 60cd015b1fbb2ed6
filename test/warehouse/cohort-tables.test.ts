import { describe, expect, it } from "vitest";
import { cohortCountsFromTables } from "../../src/warehouse/cohort-tables.js";
import { tabulatePairs } from "../../src/stats/patient-counts.js";
import { priorWindowCheck, tabulatePriorWindow } from "../../src/stats/prior-window.js";

describe("a cohort's frequency tables expanded into per-patient counts", () => {
  const label = { cohort: "A", label: "A" };
  // Five patients: (pre, post) = (0,0) ×2, (1,0), (2,3) ×2; three with the prior window covered.
  const pairs = [{ a: 0, b: 0, n: 2 }, { a: 1, b: 0, n: 1 }, { a: 2, b: 3, n: 2 }];
  const prior = [{ a: 4, b: 2, n: 1 }, { a: 0, b: 2, n: 1 }, { a: 1, b: 0, n: 1 }];

  it("give back the same tables the statistics read", () => {
    const counts = cohortCountsFromTables(label, pairs, prior, "result.csv");
    expect(Array.from(counts.pre)).toEqual([0, 0, 1, 2, 2]);
    expect(Array.from(counts.post)).toEqual([0, 0, 0, 3, 3]);
    expect(tabulatePairs(counts).patients).toEqual(new Float64Array([2, 1, 2]));
    // The prior-window check by hand: covered patients' prior 4 + 0 + 1 = 5, their pre 2 + 2 + 0 = 4.
    expect(priorWindowCheck(tabulatePriorWindow(counts))).toEqual({ prior_patients: 3, prior: 5, prior_pre: 4, prior_change_pct: -20 });
  });

  it("refuse prior rows no pairs row can hold", () => {
    expect(() => cohortCountsFromTables(label, pairs, [{ a: 1, b: 7, n: 1 }], "result.csv")).toThrow(/hold 1 patient\(s\) its pairs rows do not/);
  });
});
