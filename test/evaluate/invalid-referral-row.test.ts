import { describe, expect, it } from "vitest";
import { rejectedPatientOf } from "../../src/extracts/referrals.js";
import { renderTable } from "../../src/render/table.js";
import { cohortRow, covered, csv, evaluateExtracts, evaluateOnBothEngines, excluded, REFERRALS_HEADER } from "../helpers.js";

// evaluation.md, bad input: "A skipped referral row never moves a patient's index date to a later
// contact: a patient with any invalid referral row is excluded, first of all rules, as invalid_referral_row."
const referrals = csv`
  ${REFERRALS_HEADER}
  a,A,2021-06-01,y,1,40
  a,A,soon,y,1,40
  b,A,2021-06-01,y,1,40
  c,A,2021-05-01,y,1,40,Ward 3
  d,A,2021-06-01,y,1,40
  d,A,2021-07-01,y,two,40
  e,A,2019-01-01,y,1,40
  e,A,,y,1,40
  NULL,A,2021-06-01,y,1,40
  ,A,2021-06-01,y,1,40
`;
const ae = csv`
  patient_id,arrival_date
  a,2021-05-01
  b,2021-05-15
  c,2021-04-01
`;
const flags = { ...covered, skipInvalid: true, from: "2021-01-01" };

describe("bad input: invalid_referral_row, first of all eligibility rules", () => {
  it("excludes every patient with a skipped referral row, whatever their valid rows say", async () => {
    // a (a bad date), c (a row of 7 fields), d (onward referrals "two") and e (an empty date).
    const result = await evaluateExtracts({ referrals, ae }, flags);
    expect(result.attrition[0]).toEqual({ reason: "invalid_referral_row", excluded: 4, remaining: 1 });
    // e's valid row is before --from, but e is counted under the first rule only.
    expect(excluded(result, "outside_period")).toBe(0);
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 1, pre: 1, post: 0 });
  });

  it("counts such a patient in referred, also one whose every row was invalid; rows naming no patient name nobody", async () => {
    // a, b, c, d, e: the NULL and the empty patient_id name no patient.
    const result = await evaluateExtracts({ referrals, ae }, flags);
    expect(result.referred).toBe(5);
    expect(result.attrition.map((step) => step.reason)).toEqual([
      "invalid_referral_row", "outside_period", "no_consent", "too_few_onward_referrals", "age", "incomplete_window",
    ]);
    expect(result.attrition.at(-1)!.remaining).toBe(1);
  });

  it("accounts for their activity: a's as an excluded patient's; c, with no valid row and no index date, as someone else's", async () => {
    const result = await evaluateExtracts({ referrals, ae }, flags);
    expect(result.rows.accounts.ae_attendances).toMatchObject({ read: 3, counted: 1, ofExcludedPatients: 1, activityOfOthers: 1 });
    expect(result.rows.referrals).toBe(10);
    expect(result.rows.skipped.reduce((sum, entry) => sum + entry.rows, 0)).toBe(6);
  });

  it("is zero, and the run stops as always on an invalid row, without --skip-invalid", async () => {
    const clean = await evaluateExtracts({ referrals: `${REFERRALS_HEADER}\nb,A,2021-06-01,y,1,40\n`, ae }, covered);
    expect(clean.attrition[0]).toEqual({ reason: "invalid_referral_row", excluded: 0, remaining: 1 });
    await expect(evaluateExtracts({ referrals, ae }, covered)).rejects.toThrow();
  });

  it("gives the same answer on both engines", async () => {
    const both = await evaluateOnBothEngines({ referrals, ae }, flags);
    expect(both.stream).not.toMatch(/^exit 2/);
    expect(both.duckdb).toBe(both.stream);
  });

  it("is in the patient flow of the human formats", async () => {
    const table = renderTable(await evaluateExtracts({ referrals, ae }, flags));
    expect(table).toContain("a referral row skipped as invalid");
  });
});

describe("bad input: the patient of an invalid referral row", () => {
  it("is the trimmed field at the patient_id position", () => {
    expect(rejectedPatientOf(["  p1 ", "A"], 0)).toBe("p1");
    expect(rejectedPatientOf(["A", "p2"], 1)).toBe("p2");
  });
  it("is taken from a row with the wrong number of fields too", () => {
    expect(rejectedPatientOf(["p3", "A", "2021-01-01", "extra"], 0)).toBe("p3");
  });
  it("is nobody where the field is empty, a missing-value token, or absent", () => {
    expect(rejectedPatientOf(["", "A"], 0)).toBeUndefined();
    expect(rejectedPatientOf(["null", "A"], 0)).toBeUndefined();
    expect(rejectedPatientOf(["N/A", "A"], 0)).toBeUndefined();
    expect(rejectedPatientOf(["A"], 2)).toBeUndefined();
  });
});
