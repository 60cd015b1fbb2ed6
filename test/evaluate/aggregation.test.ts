import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts, evaluateWithConfig, outcome } from "../helpers.js";

// Rule 5: per cohort and for all together; the Total's change is pooled from the summed counts.
describe("rule 5: aggregation", () => {
  const referrals = csv`
    patient_id,cohort,intervention_date
    a1,A,2021-06-15
    a2,A,2021-06-15
    b1,B,2021-06-15
    c1,C,2021-06-15
  `;
  const ae = csv`
    patient_id,arrival_date
    a1,2021-05-01
    a1,2021-05-02
    a1,2021-05-03
    a1,2021-05-04
    a2,2021-07-01
    b1,2021-05-01
    b1,2021-07-01
    b1,2021-07-02
    c1,2021-07-01
  `;

  it("gives patients, pre, post, per-patient rates and the change per cohort", async () => {
    const result = await evaluateExtracts({ referrals, ae }, covered);
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({
      cohort: "A",
      label: "A",
      patients: 2,
      pre: 4,
      post: 1,
      pre_per_patient: 2,
      post_per_patient: 0.5,
      change_pct: -75,
    });
    expect(cohortRow(result, "ae_attendances", "B").change_pct).toBe(100);
  });

  it("has a null change where pre is 0", async () => {
    const result = await evaluateExtracts({ referrals, ae }, covered);
    expect(cohortRow(result, "ae_attendances", "C")).toMatchObject({ pre: 0, post: 1, change_pct: null });
  });

  it("pools the total from summed counts, never averaging cohort percentages", async () => {
    const total = cohortRow(await evaluateExtracts({ referrals, ae }, covered), "ae_attendances", "Total");
    // (4 − 5) / 5 = −20%; the mean of the cohort changes (−75%, +100%) would be +12.5%.
    expect(total).toMatchObject({ cohort: "Total", patients: 4, pre: 5, post: 4, change_pct: -20 });
  });

  it("orders cohorts by first appearance in the referrals file, without a config", async () => {
    const reordered = csv`
      patient_id,cohort,intervention_date
      c1,C,2021-06-15
      a1,A,2021-06-15
      b1,B,2021-06-15
      a2,A,2021-06-15
    `;
    const result = await evaluateExtracts({ referrals: reordered, ae }, covered);
    expect(outcome(result, "ae_attendances").cohorts.map((c) => c.cohort)).toEqual(["C", "A", "B"]);
  });

  it("orders and labels cohorts as the config lists them, listed cohorts with no patients included", async () => {
    const result = await evaluateWithConfig(
      { "r.csv": referrals, "ae.csv": ae },
      {
        referrals: "r.csv",
        ae: "ae.csv",
        cohorts: [
          { cohort: "B", label: "Cohort B" },
          { cohort: "D", label: "Nobody" },
          { cohort: "A", label: "Adult 'Carers'" },
          { cohort: "C" },
        ],
        ...covered,
      },
    );
    const rows = outcome(result, "ae_attendances").cohorts;
    expect(rows.map((c) => [c.cohort, c.label, c.patients])).toEqual([
      ["B", "Cohort B", 1],
      ["D", "Nobody", 0],
      ["A", "Adult 'Carers'", 2],
      ["C", "C", 1],
    ]);
    expect(rows[1]).toMatchObject({ pre_per_patient: null, change_pct: null });
  });

  it("omits an outcome whose extract was not given", async () => {
    const result = await evaluateExtracts({ referrals, ae }, covered);
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["ae_attendances"]);
    expect(result.rows.accounts.unplanned_admissions).toBeUndefined();
  });
});
