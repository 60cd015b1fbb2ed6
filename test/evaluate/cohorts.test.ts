import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { covered, csv, evaluateExtracts, evaluateOnBothEngines, evaluateWithConfig, outcome } from "../helpers.js";

const ae = csv`
  patient_id,arrival_date
  p1,2021-05-01
  p2,2021-05-01
  p3,2021-07-01
`;

const cohortsOf = (result: Awaited<ReturnType<typeof evaluateExtracts>>) =>
  outcome(result, "ae_attendances").cohorts.map((c) => [c.cohort, c.label, c.patients, c.pre, c.post]);

describe("cohorts: compared without regard to case or runs of white space", () => {
  const referrals = csv`
    patient_id,cohort,intervention_date
    p0,B,2021-06-01
    p1,Cohort  one,2021-06-01
    p2,COHORT ONE,2021-06-01
    p3,"cohort	one ",2021-06-01
    p4,b,2021-06-01
  `;

  it("merges the spellings of one cohort, shown as first seen, without a config list", async () => {
    const result = await evaluateExtracts({ referrals, ae }, covered);
    // Order of first appearance: B (p0), then "Cohort  one" (p1); p1, p2 pre and p3 post.
    expect(cohortsOf(result)).toEqual([
      ["B", "B", 2, 0, 0],
      ["Cohort  one", "Cohort  one", 3, 2, 1],
    ]);
  });

  it("gives the same answer on both engines", async () => {
    const both = await evaluateOnBothEngines({ referrals, ae }, covered);
    expect(both.stream).not.toMatch(/^exit 2/);
    expect(both.duckdb).toBe(both.stream);
  });
});

describe("cohorts: the config's aliases merge other spellings into a listed cohort", () => {
  const referrals = csv`
    patient_id,cohort,intervention_date
    p1,cohort 1,2021-06-01
    p2,Cohort  One,2021-06-01
    p3,COHORT ONE,2021-06-01
    p4,Cohort 2 ,2021-06-01
  `;
  const config = {
    referrals: "referrals.csv",
    ae: "ae.csv",
    ...covered,
    cohorts: [
      { cohort: "COHORT 1", label: "Adult carers", aliases: ["Cohort One"] },
      { cohort: "COHORT 2", label: "Frailty" },
    ],
  };

  it("counts every spelling under the listed cohort, named as the config names it", async () => {
    const result = await evaluateWithConfig({ "referrals.csv": referrals, "ae.csv": ae }, config);
    expect(cohortsOf(result)).toEqual([
      ["COHORT 1", "Adult carers", 3, 2, 1],
      ["COHORT 2", "Frailty", 1, 0, 0],
    ]);
  });

  it("takes the comparison group's cohorts the same way", async () => {
    const comparison = csv`
      patient_id,cohort,index_date
      c1,cohort one,2021-06-01
      c2,"COHORT   2",2021-06-01
    `;
    const result = await evaluateWithConfig({ "referrals.csv": referrals, "ae.csv": ae, "comparison.csv": comparison }, { ...config, comparison: "comparison.csv" });
    const rows = outcome(result, "ae_attendances").cohorts;
    expect(rows.map((c) => [c.cohort, c.comparison!.patients])).toEqual([
      ["COHORT 1", 1],
      ["COHORT 2", 1],
    ]);
  });

  it("names the nearest cohorts for a comparison cohort that names none", async () => {
    const comparison = csv`
      patient_id,cohort,index_date
      c1,Cohort 3,2021-06-01
    `;
    const error = (await evaluateWithConfig({ "referrals.csv": referrals, "ae.csv": ae, "comparison.csv": comparison }, { ...config, comparison: "comparison.csv" }).catch(
      (e: unknown) => e,
    )) as InputError;
    expect(error.problems[0]).toMatchObject({ line: 2, column: "cohort", value: "Cohort 3" });
    expect(error.problems[0]!.message).toBe('names no cohort of the referrals; did you mean "COHORT 1" or "COHORT 2"?');
  });
});

describe("cohorts: a cohort found in the data but not listed is an error", () => {
  const referrals = csv`
    patient_id,cohort,intervention_date
    p1,COHORT 1,2021-06-01
    p2,Cohort 3,2021-06-01
    p3,cohort  3,2021-06-01
    p4,Someone else,2021-06-01
  `;
  const config = { referrals: "referrals.csv", ae: "ae.csv", ...covered, cohorts: [{ cohort: "COHORT 1" }, { cohort: "COHORT 2" }] };

  it("names it, lists the cohorts that are, with the nearest, and says to add it or an alias", async () => {
    const error = (await evaluateWithConfig({ "referrals.csv": referrals, "ae.csv": ae }, config).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toHaveLength(2);
    expect(error.problems[0]).toMatchObject({ code: "unlisted_cohort", line: 3, column: "cohort", value: "Cohort 3" });
    expect(error.problems[0]!.message).toBe(
      "is not one of the cohorts the config lists (2 rows, the first here): add it to `cohorts` in the config, " +
        'or to the `aliases` of the cohort it is; the config lists "COHORT 1", "COHORT 2"; did you mean "COHORT 1" or "COHORT 2"?',
    );
    // Nothing near: no suggestion.
    expect(error.problems[1]).toMatchObject({ line: 5, value: "Someone else" });
    expect(error.problems[1]!.message).toMatch(/\(1 row, the first here\).*the config lists "COHORT 1", "COHORT 2"$/);
  });

  it("stops the run under --skip-invalid too: a whole cohort is not a bad row", async () => {
    await expect(evaluateWithConfig({ "referrals.csv": referrals, "ae.csv": ae }, { ...config, skipInvalid: true })).rejects.toThrow(InputError);
  });
});

describe("cohorts: two listed cohorts that compare equal are an error", () => {
  it.each([
    [[{ cohort: "COHORT 1" }, { cohort: "cohort  1" }], "cohorts.1.cohort", 'names the same cohort as cohorts.0.cohort ("COHORT 1")'],
    [[{ cohort: "A", aliases: ["Bee"] }, { cohort: "bee" }], "cohorts.1.cohort", 'names the same cohort as cohorts.0.aliases.0 ("Bee")'],
    [[{ cohort: "A" }, { cohort: "A" }], "cohorts.1.cohort", 'names the same cohort as cohorts.0.cohort ("A")'],
  ])("%j", async (cohorts, column, message) => {
    const error = (await evaluateWithConfig({ "referrals.csv": "patient_id,cohort,intervention_date\n", "ae.csv": ae }, { referrals: "referrals.csv", ae: "ae.csv", cohorts }).catch(
      (e: unknown) => e,
    )) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems[0]).toMatchObject({ code: "duplicate_cohort", column });
    expect(error.problems[0]!.message).toContain(message);
  });

  it("lets an alias repeat its own cohort's name", async () => {
    const referrals = "patient_id,cohort,intervention_date\np1,a,2021-06-01\n";
    const result = await evaluateWithConfig({ "referrals.csv": referrals, "ae.csv": ae }, { referrals: "referrals.csv", ae: "ae.csv", ...covered, cohorts: [{ cohort: "A", aliases: ["a"] }] });
    expect(cohortsOf(result)).toEqual([["A", "A", 1, 1, 0]]);
  });
});
