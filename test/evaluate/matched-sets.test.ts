import { describe, expect, it } from "vitest";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { formatInputError, type InputError } from "../../src/errors.js";
import { cohortRow, covered, csv, evaluateExtracts } from "../helpers.js";

/** `count` A&E attendances of `patient` on distinct days from `from` (ISO days of June or later months). */
function attendances(patient: string, count: number, month: string): string[] {
  return Array.from({ length: count }, (_, i) => `${patient},${month}-${String(i + 1).padStart(2, "0")}`);
}

/**
 * matching.md's worked example: four sets, cases' pre 3, 2, 0, 5 and post 1, 2, 1, 2 (10 → 6,
 * −40%); their controls, 2, 1, 2 and 1 of them, summed pre 4, 1, 2, 3 and post 2, 2, 2, 3, weighed
 * 7 → 7: no change, so the difference in differences is −40. Beside them, a case with no control
 * (unmatched) and a control whose case is no included patient.
 */
const referrals = csv`
  patient_id,cohort,intervention_date
  c1,A,2021-06-15
  c2,A,2021-06-15
  c3,A,2021-06-15
  c4,A,2021-06-15
  c5,A,2021-06-15
`;
const pre = "2021-03";
const post = "2021-08";
const ae = [
  "patient_id,arrival_date",
  ...attendances("c1", 3, pre), ...attendances("c1", 1, post),
  ...attendances("c2", 2, pre), ...attendances("c2", 2, post),
  ...attendances("c3", 1, post),
  ...attendances("c4", 5, pre), ...attendances("c4", 2, post),
  ...attendances("c5", 1, pre),
  ...attendances("k1a", 2, pre), ...attendances("k1a", 1, post),
  ...attendances("k1b", 2, pre), ...attendances("k1b", 1, post),
  ...attendances("k2", 1, pre), ...attendances("k2", 2, post),
  ...attendances("k3a", 1, pre), ...attendances("k3a", 1, post),
  ...attendances("k3b", 1, pre), ...attendances("k3b", 1, post),
  ...attendances("k4", 3, pre), ...attendances("k4", 3, post),
  ...attendances("k9", 4, pre),
].join("\n") + "\n";
const comparison = csv`
  patient_id,cohort,index_date,matched_to
  k1a,A,2021-06-15,c1
  k1b,A,2021-06-15,c1
  k2,A,2021-06-15,c2
  k3a,A,2021-06-15,c3
  k3b,A,2021-06-15,c3
  k4,A,2021-06-15,c4
  k9,A,2021-06-15,nobody
`;

describe("matching.md: the difference in differences over matched sets, where the comparison says matched_to", () => {
  it("weighs each set's controls as its case, leaves out the unmatched case and the control without one", async () => {
    const row = cohortRow(await evaluateExtracts({ referrals, ae, comparison }, covered), "ae_attendances", "A");
    // The row itself is every included patient, as without a comparison group.
    expect(row).toMatchObject({ patients: 5, pre: 11, post: 6 });
    expect(row.matched_cases).toEqual({ patients: 4, unmatched: 1, controls_without_case: 1, pre: 10, post: 6, change_pct: -40, ci_low: null, ci_high: null });
    expect(row.comparison).toEqual({ patients: 6, pre: 7, post: 7, change_pct: 0, ci_low: null, ci_high: null });
    expect(row.did_pct).toBe(-40);
  });

  it("resamples whole sets for the interval, the same bytes for the same seed", async () => {
    const once = cohortRow(await evaluateExtracts({ referrals, ae, comparison }, { ...covered, bootstrap: 200 }), "ae_attendances", "Total");
    const again = cohortRow(await evaluateExtracts({ referrals, ae, comparison }, { ...covered, bootstrap: 200 }), "ae_attendances", "Total");
    expect(once.did_ci_low).not.toBeNull();
    expect([once.did_ci_low, once.did_ci_high, once.matched_cases!.ci_low]).toEqual([again.did_ci_low, again.did_ci_high, again.matched_cases!.ci_low]);
    expect(once.did_ci_low!).toBeLessThanOrEqual(-40);
    expect(once.did_ci_high!).toBeGreaterThanOrEqual(-40);
  });

  it("reads a comparison without matched_to as before (no matched sets)", async () => {
    const plain = comparison.split("\n").map((line) => line.split(",").slice(0, 3).join(",")).join("\n");
    const row = cohortRow(await evaluateExtracts({ referrals, ae, comparison: plain }, covered), "ae_attendances", "A");
    expect(row.matched_cases).toBeUndefined();
    expect(row.comparison).toMatchObject({ patients: 7, pre: 14, post: 9 });
  });

  it("an empty matched_to is an invalid row: every control needs its case where the column is there", async () => {
    const problem = await evaluateExtracts({ referrals, ae, comparison: comparison.replace(",c4\n", ",\n") }, covered).then(
      () => "no problem",
      (error: InputError) => formatInputError(error),
    );
    expect(problem).toMatch(/comparison\.csv:7: matched_to: is empty: every row needs the case it was matched to/);
  });

  it("under --suppress, weighed counts are rounded to whole events before the rule, and the difference is recomputed from what is shown", async () => {
    const published = suppressResult(await evaluateExtracts({ referrals, ae, comparison }, covered));
    const row = published.outcomes[0]!.cohorts[0]!;
    expect(row.matched_cases).toMatchObject({ patients: null, pre: 10, post: null, change_pct: null });
    expect(row.comparison).toMatchObject({ patients: null, pre: null, post: null });
    expect(row.did_pct).toBeNull();
    expect(row.suppressed).toEqual(expect.arrayContaining(["matched_cases_patients", "did_pct"]));
  });
});
