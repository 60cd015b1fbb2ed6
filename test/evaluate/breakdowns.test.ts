import { describe, expect, it } from "vitest";
import { suppressResult } from "../../src/disclosure/suppress.js";
import type { CohortFigures, Result } from "../../src/result.js";
import { refusalOf } from "../helpers/refusal.js";
import { cohortRow, covered, csv, evaluateExtracts, evaluateOnBothEngines, evaluateWithConfig, outcome } from "../helpers.js";

// Two cohorts; sex read from each patient's index row (p1's earlier row says F, its later one M).
const referrals = csv`
  patient_id,cohort,intervention_date,sex,age
  p1,A,2021-06-15,F,40
  p1,A,2021-07-01,M,40
  p2,A,2021-06-15,M,70
  p3,A,2021-06-15,,16
  p4,B,2021-06-15,NULL,
  p5,B,2021-06-15,F,35
`;
const ae = csv`
  patient_id,arrival_date
  p1,2021-05-01
  p1,2021-05-02
  p1,2021-07-01
  p2,2021-05-01
  p3,2021-08-01
  p4,2021-05-01
  p4,2021-05-03
  p5,2021-09-09
`;

const groupsOf = (row: CohortFigures, by: string) => row.breakdowns!.find((breakdown) => breakdown.by === by)!.rows;

/** statistics.md: a breakdown's rows add up to the row (patients, pre and post). */
function expectAddsUp(row: CohortFigures, by: string): void {
  const rows = groupsOf(row, by);
  for (const field of ["patients", "pre", "post"] as const) expect(rows.reduce((total, group) => total + group[field], 0), `${row.cohort} ${field}`).toBe(row[field]);
}

describe("statistics.md breakdowns: the rows again within each value of a referral column", () => {
  it("splits each cohort and the Total by the index row's value, unknown for a missing one, and adds up", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, by: ["sex"] });
    const a = cohortRow(result, "ae_attendances", "A");
    expect(groupsOf(a, "sex").map((row) => [row.group, row.patients, row.pre, row.post])).toEqual([
      ["F", 1, 2, 1],
      ["M", 1, 1, 0],
      ["unknown", 1, 0, 1],
    ]);
    const b = cohortRow(result, "ae_attendances", "B");
    // Every cohort shows every group found, with none where it has none: B has no M.
    expect(groupsOf(b, "sex").map((row) => [row.group, row.patients, row.pre])).toEqual([
      ["F", 1, 0],
      ["M", 0, 0],
      ["unknown", 1, 2],
    ]);
    const total = cohortRow(result, "ae_attendances", "Total");
    expect(groupsOf(total, "sex").map((row) => [row.group, row.cohort, row.patients, row.pre, row.post])).toEqual([
      ["F", "Total", 2, 2, 2],
      ["M", "Total", 1, 1, 0],
      ["unknown", "Total", 2, 2, 1],
    ]);
    for (const row of [a, b, total]) expectAddsUp(row, "sex");
    expect(groupsOf(a, "sex")[0]).toMatchObject({ by: "sex", group: "F", cohort: "A", label: "A", pre_per_patient: 2, change_pct: -50 });
  });

  it("gives each breakdown row every figure of a row: shares, test, interval, prior window, warnings", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, by: ["sex"], bootstrap: 50 });
    const row = groupsOf(cohortRow(result, "ae_attendances", "A"), "sex")[0]!;
    for (const field of ["pre_any_pct", "post_any_pct", "test", "p_value", "ci_low", "ci_high", "prior_patients", "prior_change_pct", "warnings"]) expect(row, field).toHaveProperty(field);
    expect(row.warnings![0]).toMatch(/^Fewer than 30 patients \(1\)/);
  });

  it("makes age bands from the index row's age with --age-bands, an unknown age in unknown", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...covered, by: ["age_band", "sex"], ageBands: [18, 65] });
    const total = cohortRow(result, "ae_attendances", "Total");
    expect(groupsOf(total, "age_band").map((row) => [row.group, row.patients])).toEqual([
      ["0-17", 1],
      ["18-64", 2],
      ["65+", 1],
      ["unknown", 1],
    ]);
    expectAddsUp(total, "age_band");
    expect(total.breakdowns!.map((breakdown) => breakdown.by)).toEqual(["age_band", "sex"]);
    expect(result.settings).toMatchObject({ by: ["age_band", "sex"], ageBands: [18, 65] });
  });

  it("never changes the cohort rows, their intervals included", async () => {
    const without = await evaluateExtracts({ referrals, ae }, { ...covered, bootstrap: 200 });
    const withBy = await evaluateExtracts({ referrals, ae }, { ...covered, bootstrap: 200, by: ["sex"] });
    const strip = (result: Result) =>
      outcome(result, "ae_attendances").cohorts.concat(outcome(result, "ae_attendances").total).map(({ breakdowns: _breakdowns, ...row }) => row);
    expect(strip(withBy)).toEqual(strip(without));
    expect(outcome(withBy, "ae_attendances").months).toEqual(outcome(without, "ae_attendances").months);
    expect(without.outcomes[0]!.total.breakdowns).toBeUndefined();
  });

  it("gives the same rows on both engines", async () => {
    const both = await evaluateOnBothEngines({ referrals, ae }, { ...covered, by: ["sex", "age_band"], ageBands: [50], bootstrap: 50 });
    expect(both.duckdb).toBe(both.stream);
    expect(both.stream).toContain('"group": "unknown"');
  });
});

describe("statistics.md breakdowns: any column mapped in columns.referrals", () => {
  const renamed = csv`
    patient_id,cohort,intervention_date,Gender,PCN_Name
    p1,A,2021-06-15,F,North
    p2,A,2021-06-15,M,South
  `;

  it("reads a column by its mapped header, or by its own name", async () => {
    const result = await evaluateWithConfig(
      { "referrals.csv": renamed, "ae.csv": ae },
      { referrals: "referrals.csv", ae: "ae.csv", ...covered, by: ["sex", "PCN_Name"], columns: { referrals: { sex: "Gender" } } },
    );
    const a = cohortRow(result, "ae_attendances", "A");
    expect(groupsOf(a, "sex").map((row) => row.group)).toEqual(["F", "M"]);
    expect(groupsOf(a, "PCN_Name").map((row) => row.group)).toEqual(["North", "South"]);
    expect(result.inputs.columns.referrals!.sex).toEqual({ header: "Gender", by: "mapping" });
  });

  it("refuses a mapped column that no breakdown reads, as any unknown key", async () => {
    const run = evaluateWithConfig({ "referrals.csv": renamed, "ae.csv": ae }, { referrals: "referrals.csv", ae: "ae.csv", ...covered, columns: { referrals: { sex: "Gender" } } });
    expect(await refusalOf(run)).toMatch(/columns\.referrals\.sex: is not a referral column prepost reads; a column to break the rows down by is named in "by" too \(--by sex\)/);
  });

  it("keeps the config's mapping for its own breakdown where a --by flag replaces the list", async () => {
    const result = await evaluateWithConfig(
      { "referrals.csv": renamed, "ae.csv": ae },
      { referrals: "referrals.csv", ae: "ae.csv", ...covered, by: ["sex"], columns: { referrals: { sex: "Gender" } } },
      { by: ["PCN_Name"] },
    );
    expect(cohortRow(result, "ae_attendances", "A").breakdowns!.map((breakdown) => breakdown.by)).toEqual(["PCN_Name"]);
  });

  it("stops where a column a breakdown needs is not there, naming the setting", async () => {
    expect(await refusalOf(evaluateExtracts({ referrals: renamed, ae }, { ...covered, by: ["imd_quintile"] }))).toMatch(/imd_quintile: not found, but --by imd_quintile \(by\) needs it/);
    expect(await refusalOf(evaluateExtracts({ referrals: renamed, ae }, { ...covered, by: ["age_band"], ageBands: [18] }))).toMatch(/age: not found, but --by age_band \(by\) needs it/);
  });
});

describe("statistics.md breakdowns: settings that cannot make one", () => {
  const run = (flags: Record<string, unknown>) => evaluateExtracts({ referrals, ae }, { ...covered, ...flags });
  it("needs the bands for age_band, and age_band for the bands", async () => {
    await expect(run({ by: ["age_band"] })).rejects.toThrow(/--by age_band needs the bands: give --age-bands 18,35,55,75/);
    await expect(run({ ageBands: [18] })).rejects.toThrow(/--age-bands gives the bands of age_band, but no --by names it/);
    await expect(run({ by: ["age_band"], ageBands: [35, 18] })).rejects.toThrow(/--age-bands 35,18 must rise/);
  });
  it("refuses the patient, the cohort and the date as breakdowns, and a column given twice", async () => {
    await expect(run({ by: ["patient_id"] })).rejects.toThrow(/--by patient_id cannot break the rows down: a row per patient would be patient-level data/);
    await expect(run({ by: ["cohort"] })).rejects.toThrow(/the rows are the cohorts already/);
    await expect(run({ by: ["sex", "sex"] })).rejects.toThrow(/--by sex is given twice/);
  });
  it("refuses a column with more values than a breakdown may have (near patient-level rows)", async () => {
    const many = ["patient_id,cohort,intervention_date,postcode", ...Array.from({ length: 101 }, (_, i) => `p${i},A,2021-06-15,ME${i} 1AA`)].join("\n") + "\n";
    expect(await refusalOf(evaluateExtracts({ referrals: many, ae }, { ...covered, by: ["postcode"] }))).toMatch(/postcode has 101 different values among the included patients, more than the 100 a breakdown may have/);
  });
});

describe("statistics.md breakdowns: small-number suppression applies to every breakdown row", () => {
  it("puts each breakdown row's counts through the rule on its own", async () => {
    const published = suppressResult(await evaluateExtracts({ referrals, ae }, { ...covered, by: ["sex"] }));
    const rows = groupsOf(published.outcomes[0]!.cohorts[0]! as CohortFigures, "sex");
    expect(rows[0]).toMatchObject({ by: "sex", group: "F", patients: null, pre: null, post: null, change_pct: null });
    expect(rows[0]!.suppressed).toEqual(expect.arrayContaining(["patients", "pre", "post", "change_pct"]));
    // A group with none stays 0.
    expect(groupsOf(published.outcomes[0]!.cohorts[1]! as CohortFigures, "sex")[1]).toMatchObject({ group: "M", patients: 0, pre: 0 });
  });
});
