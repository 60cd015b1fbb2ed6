import { describe, expect, it } from "vitest";
import { InputError, formatInputError } from "../../src/errors.js";
import { covered, csv, evaluateWithConfig } from "../helpers.js";

/**
 * evaluation.md: every column the config maps must be in its extract, whether or not a rule of this
 * run reads it. A mistyped header for a column no reported outcome reads (a discharge date while
 * bed days are not listed) is an error naming it, on both engines, never ignored.
 */
describe("a mapped column that is not in the extract", () => {
  const referrals = csv`
    patient_id,cohort,intervention_date
    p1,A,2021-03-01
  `;
  const admissions = csv`
    patient_id,admission_date,admission_method,Discharge
    p1,2021-02-01,21,2021-02-03
  `;

  it.each(["stream", "duckdb"] as const)("stops the run on the %s engine, naming the header and the key", async (engine) => {
    const config = { referrals: "referrals.csv", admissions: "admissions.csv", columns: { admissions: { discharge_date: "DISCHARGE_DT" } }, ...covered, bootstrap: 0, engine };
    const error = await evaluateWithConfig({ "referrals.csv": referrals, "admissions.csv": admissions }, config).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(formatInputError(error as InputError)).toMatch(/admissions\.csv.*DISCHARGE_DT/);
  });

  it("is read when the mapping names a header the extract has, though no rule reads it", async () => {
    const config = { referrals: "referrals.csv", admissions: "admissions.csv", columns: { admissions: { discharge_date: "Discharge" } }, ...covered, bootstrap: 0 };
    const result = await evaluateWithConfig({ "referrals.csv": referrals, "admissions.csv": admissions }, config);
    expect(result.outcomes.map((outcome) => outcome.outcome)).toEqual(["unplanned_admissions"]);
  });
});
