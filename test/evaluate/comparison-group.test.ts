import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts, runCli, workspace } from "../helpers.js";

const referrals = csv`
  patient_id,cohort,intervention_date
  r1,A,2021-06-15
  r2,B,2021-06-15
`;
const ae = csv`
  patient_id,arrival_date
  r1,2021-05-01
  r1,2021-05-02
  r1,2021-07-01
  c1,2021-05-01
  c1,2021-07-01
  c2,2021-05-01
  c2,2021-05-02
  c2,2021-05-03
  c2,2021-07-01
  c2,2021-07-02
  c3,2021-05-01
  stranger,2021-05-01
`;

// statistics.md, comparison group: counted from the same extracts by exactly the same rules.
describe("comparison group: counting and difference in differences", () => {
  const comparison = csv`
    patient_id,cohort,index_date
    c1,A,2021-06-15
    c2,A,2021-06-15
    c3,B,2021-06-15
  `;

  it("counts comparison patients by the same windows and gives the difference in differences", async () => {
    const result = await evaluateExtracts({ referrals, ae, comparison }, covered);
    const a = cohortRow(result, "ae_attendances", "A");
    expect(a).toMatchObject({ patients: 1, pre: 2, post: 1, change_pct: -50 });
    // Comparison A: c1 1→1, c2 3→2: 4 → 3, −25%.
    expect(a.comparison).toEqual({ patients: 2, pre: 4, post: 3, change_pct: -25, ci_low: null, ci_high: null });
    expect(a.did_pct).toBe(-25);
  });

  it("pools the total's comparison like the referred total", async () => {
    const total = cohortRow(await evaluateExtracts({ referrals, ae, comparison }, covered), "ae_attendances", "Total");
    expect(total.comparison).toMatchObject({ patients: 3, pre: 5, post: 3, change_pct: -40 });
    // Referred total 2 → 1 (−50%) against the comparison −40%.
    expect(total.did_pct).toBe(-10);
  });

  it("counts comparison patients' rows as theirs, not as activity of others", async () => {
    const result = await evaluateExtracts({ referrals, ae, comparison }, covered);
    expect(result.rows.activityOfOthers).toBe(1);
    expect(result.rows.accounts.ae_attendances!.comparison).toBe(8);
    expect(result.rows.comparison).toBe(3);
  });

  it("has no comparison fields without --comparison", async () => {
    const result = await evaluateExtracts({ referrals, ae }, covered);
    const a = cohortRow(result, "ae_attendances", "A");
    expect(a).not.toHaveProperty("comparison");
    expect(a).not.toHaveProperty("did_pct");
    expect(result).not.toHaveProperty("comparison_attrition");
    expect(result.rows.accounts.ae_attendances).not.toHaveProperty("comparison");
  });
});

describe("comparison group: attrition (referred, outside_period, incomplete_window)", () => {
  it("excludes referred patients first, then the study period, then incomplete windows", async () => {
    const comparison = csv`
      patient_id,cohort,index_date
      r1,A,2021-06-15
      early,A,2020-01-01
      edge,A,2022-12-01
      fine,B,2021-06-15
    `;
    const result = await evaluateExtracts(
      { referrals, ae, comparison },
      { from: "2021-01-01", dataStart: "2020-01-01", dataEnd: "2022-12-31" },
    );
    expect(result.comparison_attrition).toEqual([
      { reason: "referred", excluded: 1, remaining: 3 },
      { reason: "outside_period", excluded: 1, remaining: 2 },
      { reason: "incomplete_window", excluded: 1, remaining: 1 },
    ]);
    // r1 stays a referred patient: their activity is theirs, once.
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 1, pre: 2 });
    expect(cohortRow(result, "ae_attendances", "B").comparison!.patients).toBe(1);
  });

  it("does not apply the referred patients' other rules to the comparison group", async () => {
    const comparison = csv`
      patient_id,cohort,index_date
      c1,A,2021-06-15
    `;
    const withTheirColumns = csv`
      patient_id,cohort,intervention_date,consent,onward_referrals,age
      r1,A,2021-06-15,yes,1,40
      r2,B,2021-06-15,yes,1,40
    `;
    const result = await evaluateExtracts({ referrals: withTheirColumns, ae, comparison }, { ...covered, requireConsent: true, minAge: 18, minOnwardReferrals: 1 });
    expect(cohortRow(result, "ae_attendances", "A").comparison!.patients).toBe(1);
  });
});

describe("comparison group: errors", () => {
  it("names a cohort the referrals do not have", async () => {
    const ws = await workspace({ "r.csv": referrals, "ae.csv": ae, "c.csv": "patient_id,cohort,index_date\nc1,Z,2021-06-15\n" });
    const run = await runCli(["evaluate", "--referrals", ws.path("r.csv"), "--ae", ws.path("ae.csv"), "--comparison", ws.path("c.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('c.csv:2: cohort: names no cohort of the referrals; did you mean "A" or "B"? ("Z")');
  });

  it("stops even with --skip-invalid: skipping would quietly change the group (statistics.md: exit 2)", async () => {
    const ws = await workspace({ "r.csv": referrals, "ae.csv": ae, "c.csv": "patient_id,cohort,index_date\nc1,Z,2021-06-15\nc2,A,2021-06-15\nc2,A,2021-06-15\n" });
    const run = await runCli(["evaluate", "--referrals", ws.path("r.csv"), "--ae", ws.path("ae.csv"), "--comparison", ws.path("c.csv"), "--skip-invalid", "--format", "json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/c\.csv:2: cohort: names no cohort of the referrals.*\("Z"\)/);
    expect(run.stderr).toContain("c.csv:4: patient_id: is listed twice, on lines 3 and 4");
  });

  it("names both lines of a patient listed twice", async () => {
    const ws = await workspace({ "r.csv": referrals, "ae.csv": ae, "c.csv": "patient_id,cohort,index_date\nc1,A,2021-06-15\nc2,A,2021-06-15\nc1,B,2021-06-01\n" });
    const run = await runCli(["evaluate", "--referrals", ws.path("r.csv"), "--ae", ws.path("ae.csv"), "--comparison", ws.path("c.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("c.csv:4: patient_id: is listed twice, on lines 2 and 4");
  });
});
