import { describe, expect, it } from "vitest";
import type { CohortFigures, Result } from "../../src/result.js";
import { covered, csv, runCli, workspace } from "../helpers.js";

/**
 * outcomes.md, "Costs": `--unit-cost OUTCOME=GBP` (an id, or ae, admission, bed_day, outpatient)
 * prices each counted unit; or a cost column gives each row's cost, and a window's cost is the sum
 * of its countable rows' values (a non-number: an invalid row; empty: a missing cost, reported, the
 * row still counting). Every run here: p1 referred 2021-06-15, window 10 days (pre 06-05 … 06-14,
 * post 06-16 … 06-25).
 */
const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\n";

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  result?: Result;
}

/** Runs `prepost evaluate --format json` on the files (given by flag, or by `--config evaluation.json`). */
async function evaluateCli(files: Record<string, string>, args: string[]): Promise<Ran> {
  const ws = await workspace({ "referrals.csv": referrals, ...files });
  const paths = args.map((arg) => (arg in files ? ws.path(arg) : arg));
  const run = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--window", "10d", "--data-start", covered.dataStart, "--data-end", covered.dataEnd, "--bootstrap", "0", "--format", "json", ...paths]);
  return { ...run, ...(run.code === 0 ? { result: JSON.parse(run.stdout) as Result } : {}) };
}

const total = (ran: Ran, id: string): CohortFigures => {
  expect(ran.code, ran.stderr).toBe(0);
  return ran.result!.outcomes.find((o) => o.outcome === id)!.total;
};

// Nights: 06-08 → 06-10: 08, 09 pre. 06-13 → 06-18: 13, 14 pre, 15 index day, 16, 17 post. 06-20 → 06-21: 20 post.
// So bed days pre 4, post 3; admissions pre 2 (06-08, 06-13), post 1 (06-20).
const spells = csv`
  patient_id,admission_date,admission_method,discharge_date
  p1,2021-06-08,21,2021-06-10
  p1,2021-06-13,21,2021-06-18
  p1,2021-06-20,21,2021-06-21
`;
const BOTH = ["--outcomes", "unplanned_admissions,emergency_bed_days"];

describe("unit costs price each counted unit", () => {
  it("bed_day= prices nights; admission= prices admissions", async () => {
    const ran = await evaluateCli({ "admissions.csv": spells }, ["--admissions", "admissions.csv", ...BOTH, "--unit-cost", "bed_day=300", "--unit-cost", "admission=2000"]);
    // 4 × 300, 3 × 300, (3 − 4) × 300.
    expect(total(ran, "emergency_bed_days")).toMatchObject({ pre: 4, post: 3, unit_cost: 300, cost_pre: 1200, cost_post: 900, cost_change: -300 });
    // 2 × 2000, 1 × 2000.
    expect(total(ran, "unplanned_admissions")).toMatchObject({ pre: 2, post: 1, unit_cost: 2000, cost_pre: 4000, cost_post: 2000, cost_change: -2000 });
  });

  it("takes the outcome's id as well as its short name, and prices no outcome it was not given", async () => {
    const ran = await evaluateCli({ "admissions.csv": spells }, ["--admissions", "admissions.csv", ...BOTH, "--unit-cost", "emergency_bed_days=250.5"]);
    expect(total(ran, "emergency_bed_days")).toMatchObject({ unit_cost: 250.5, cost_pre: 1002, cost_post: 751.5 });
    // Never a hidden default: unplanned admissions, with no unit cost, have no cost at all.
    expect(total(ran, "unplanned_admissions").cost_pre).toBeUndefined();
    expect(total(ran, "unplanned_admissions").unit_cost).toBeUndefined();
  });

  it("outpatient= prices attended appointments", async () => {
    // 06-05 status 5 and 06-06 status 6 pre; 06-07 status 3 (did not attend) not counted; 06-16 status 5 post.
    const op = "patient_id,appointment_date,attendance_status\np1,2021-06-05,5\np1,2021-06-06,6\np1,2021-06-07,3\np1,2021-06-16,5\n";
    const ran = await evaluateCli({ "op.csv": op }, ["--outpatients", "op.csv", "--unit-cost", "outpatient=120", "--cost-source", "NCC 2023/24"]);
    expect(total(ran, "outpatient_attendances")).toMatchObject({ pre: 2, post: 1, unit_cost: 120, cost_pre: 240, cost_post: 120, cost_change: -120 });
    expect(ran.result!.settings.costSource).toBe("NCC 2023/24");
  });

  it("a custom outcome's id prices its rows", async () => {
    // 06-05, 06-06, 06-07 pre; 06-16 post: 3 × 30, 1 × 30.
    const gp = "patient_id,event_date\np1,2021-06-05\np1,2021-06-06\np1,2021-06-07\np1,2021-06-16\n";
    const config = JSON.stringify({ customOutcomes: [{ id: "gp_appointments", label: "GP appointments", extract: "gp.csv" }] });
    const ran = await evaluateCli({ "gp.csv": gp, "evaluation.json": config }, ["--config", "evaluation.json", "--unit-cost", "gp_appointments=30"]);
    expect(total(ran, "gp_appointments")).toMatchObject({ pre: 3, post: 1, unit_cost: 30, cost_pre: 90, cost_post: 30, cost_change: -60 });
  });

  it("refuses a unit cost for an outcome that is not one, naming the nearest", async () => {
    const ran = await evaluateCli({ "admissions.csv": spells }, ["--admissions", "admissions.csv", "--unit-cost", "bed_days=300"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/"bed_days" is not an outcome/);
    expect(ran.stderr).toMatch(/bed_day/);
  });
});

// A cost column (SUS+ Tariff_Total_Payment), each row's own cost in pounds:
//  2 06-08 emergency 1500.50  pre
//  3 06-10 emergency (empty)  pre, a missing cost: still one admission
//  4 06-12 elective   9999    not an emergency admission: neither counted nor costed
//  5 06-15 emergency   700    the index day: not counted, not costed
//  6 06-16 emergency  2000    post
//  7 06-30 emergency  5000    after post_end: not costed
//  8 q9 (not referred)  100   someone else's
//  9 06-11 emergency  0.10    pre
// 10 06-20 emergency  NULL    post, a missing cost (a missing-value token is an empty field)
// pre: lines 2, 3, 9 = 3 admissions costing 1500.50 + 0.10 = 1500.60; post: lines 6, 10 = 2 costing 2000;
// missing: lines 3 and 10 = 2; change 2000 − 1500.60 = 499.40.
const tariffs = csv`
  patient_id,admission_date,admission_method,Tariff_Total_Payment
  p1,2021-06-08,21,1500.50
  p1,2021-06-10,21,
  p1,2021-06-12,11,9999
  p1,2021-06-15,21,700
  p1,2021-06-16,21,2000
  p1,2021-06-30,21,5000
  q9,2021-06-10,21,100
  p1,2021-06-11,21,0.10
  p1,2021-06-20,21,NULL
`;

describe("a cost column: the window's cost is the sum of its countable rows' costs", () => {
  it("sums the counted rows' costs, and reports the counted rows with none", async () => {
    const ran = await evaluateCli({ "admissions.csv": tariffs }, ["--admissions", "admissions.csv", "--cost-column", "admission=Tariff_Total_Payment"]);
    const figures = total(ran, "unplanned_admissions");
    expect(figures).toMatchObject({ pre: 3, post: 2, cost_column: "Tariff_Total_Payment", cost_pre: 1500.6, cost_post: 2000, cost_missing: 2 });
    expect(figures.cost_change).toBeCloseTo(499.4, 10);
    expect(figures.unit_cost).toBeUndefined();
    // The cohort's row is the same patient's.
    expect(ran.result!.outcomes[0]!.cohorts[0]).toMatchObject({ cohort: "A", cost_pre: 1500.6, cost_post: 2000, cost_missing: 2 });
    expect(ran.result!.settings.costColumns).toEqual({ unplanned_admissions: "Tariff_Total_Payment" });
    // The row account says how many counted rows had no cost (lines 3 and 10): counted as activity all the same.
    expect(ran.result!.rows.accounts.unplanned_admissions).toMatchObject({ counted: 5, missingCost: 2 });
  });

  it("is named in the config by outcome id, and its header matched in any case", async () => {
    const config = JSON.stringify({ admissions: "admissions.csv", costColumns: { unplanned_admissions: "tariff_total_payment" } });
    const ran = await evaluateCli({ "admissions.csv": tariffs, "evaluation.json": config }, ["--config", "evaluation.json"]);
    expect(total(ran, "unplanned_admissions")).toMatchObject({ cost_pre: 1500.6, cost_post: 2000, cost_missing: 2 });
  });

  it("costs outpatient attendances and a custom outcome (its own costColumn) alike", async () => {
    // Outpatients: 06-05 (5, £150) and 06-06 (6, empty) pre; 06-07 (3, £150: did not attend, not costed); 06-16 (5, £95.25) post.
    const op = "patient_id,appointment_date,attendance_status,Cost\np1,2021-06-05,5,150\np1,2021-06-06,6,\np1,2021-06-07,3,150\np1,2021-06-16,5,95.25\n";
    // GP: 06-05 £30 and 06-06 £30 pre, 06-16 £45 post; 06-17 DNA (not selected: not costed).
    const gp = "patient_id,event_date,Status,Price\np1,2021-06-05,Finished,30\np1,2021-06-06,Finished,30\np1,2021-06-16,Finished,45\np1,2021-06-17,DNA,45\n";
    const config = JSON.stringify({
      outpatients: "op.csv",
      costColumns: { outpatient: "Cost" },
      customOutcomes: [{ id: "gp_appointments", label: "GP appointments", extract: "gp.csv", countWhere: { column: "Status", in: ["finished"] }, costColumn: "Price" }],
    });
    const ran = await evaluateCli({ "op.csv": op, "gp.csv": gp, "evaluation.json": config }, ["--config", "evaluation.json"]);
    expect(total(ran, "outpatient_attendances")).toMatchObject({ pre: 2, post: 1, cost_column: "Cost", cost_pre: 150, cost_post: 95.25, cost_change: -54.75, cost_missing: 1 });
    expect(total(ran, "gp_appointments")).toMatchObject({ pre: 2, post: 1, cost_column: "Price", cost_pre: 60, cost_post: 45, cost_change: -15, cost_missing: 0 });
  });

  for (const bad of ["abc", "£1500", "1,500.00"]) {
    it(`makes a row whose cost is not a number (${bad}) invalid: file:line: column (value)`, async () => {
      const rows = `patient_id,admission_date,admission_method,Tariff_Total_Payment\np1,2021-06-08,21,100\np1,2021-06-09,21,"${bad}"\n`;
      const ran = await evaluateCli({ "admissions.csv": rows }, ["--admissions", "admissions.csv", "--cost-column", "admission=Tariff_Total_Payment"]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(`admissions.csv:3: Tariff_Total_Payment: `);
      expect(ran.stderr).toContain(`("${bad}")`);
    });
  }

  it("skips a row with a non-number cost under --skip-invalid, for every outcome of the extract (bed days too)", async () => {
    // Line 3 (cost "abc") is invalid: skipped for unplanned admissions and for bed days (its 06-13 → 06-18
    // nights are lost with it). Left: line 2 (06-08 → 06-10: 2 nights pre, £100) and line 4 (06-20 → 06-21:
    // 1 night post, £300).
    const rows = csv`
      patient_id,admission_date,admission_method,discharge_date,Tariff_Total_Payment
      p1,2021-06-08,21,2021-06-10,100
      p1,2021-06-13,21,2021-06-18,abc
      p1,2021-06-20,21,2021-06-21,300
    `;
    const ran = await evaluateCli({ "admissions.csv": rows }, ["--admissions", "admissions.csv", ...BOTH, "--cost-column", "admission=Tariff_Total_Payment", "--skip-invalid"]);
    expect(total(ran, "unplanned_admissions")).toMatchObject({ pre: 1, post: 1, cost_pre: 100, cost_post: 300, cost_missing: 0 });
    expect(total(ran, "emergency_bed_days")).toMatchObject({ pre: 2, post: 1 });
    // Bed days take no cost column: no cost figures on them.
    expect(total(ran, "emergency_bed_days").cost_pre).toBeUndefined();
    expect(ran.result!.rows.accounts.emergency_bed_days).toMatchObject({ read: 3, skipped: 1 });
    expect(ran.result!.rows.accounts.unplanned_admissions).toMatchObject({ read: 3, skipped: 1 });
  });

  it("stops where the cost column is not in the extract, naming it", async () => {
    const ran = await evaluateCli({ "admissions.csv": spells }, ["--admissions", "admissions.csv", "--cost-column", "admission=Tariff_Total_Payment"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/admissions\.csv/);
    expect(ran.stderr).toMatch(/Tariff_Total_Payment/);
  });
});

describe("cost mistakes are refused", () => {
  for (const name of ["bed_day", "emergency_bed_days"]) {
    it(`refuses a cost column on bed days (${name}=): a row's cost is not its nights'`, async () => {
      const ran = await evaluateCli({ "admissions.csv": tariffs }, ["--admissions", "admissions.csv", ...BOTH, "--cost-column", `${name}=Tariff_Total_Payment`]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(/emergency_bed_days/);
      expect(ran.stderr).toMatch(/--unit-cost bed_day=/);
    });
  }

  it("refuses a unit cost and a cost column for one outcome, however each names it", async () => {
    for (const [unit, column] of [
      ["admission=500", "admission=Tariff_Total_Payment"],
      ["unplanned_admissions=500", "admission=Tariff_Total_Payment"],
    ]) {
      const ran = await evaluateCli({ "admissions.csv": tariffs }, ["--admissions", "admissions.csv", "--unit-cost", unit!, "--cost-column", column!]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(/unplanned_admissions has both a unit cost and a cost column/);
    }
  });

  it("refuses a unit cost beside a custom outcome's own costColumn, in the same config", async () => {
    const gp = "patient_id,event_date,Price\np1,2021-06-05,30\n";
    const config = JSON.stringify({ customOutcomes: [{ id: "gp_appointments", label: "GP appointments", extract: "gp.csv", costColumn: "Price" }], unitCosts: { gp_appointments: 30 } });
    const ran = await evaluateCli({ "gp.csv": gp, "evaluation.json": config }, ["--config", "evaluation.json"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/gp_appointments has both a unit cost and a cost column/);
  });
});

/**
 * evaluation.md, the config file: "flags override it". A flag that prices an outcome replaces what the
 * config said of that outcome, by whichever name either used (an id or a short name), and whether the
 * config gave a unit cost or a cost column. Choice: the spec says flags override the config and nothing
 * of costs in particular; an analyst trying another price, or a row's own costs, on the command line
 * expects the flag to win rather than the config's figure, or an error asking them to edit the config.
 */
describe("a cost flag overrides the config's cost of the same outcome", () => {
  const withConfig = (config: Record<string, unknown>, flags: string[], more: Record<string, string> = {}) =>
    evaluateCli({ "admissions.csv": spells, "evaluation.json": JSON.stringify({ admissions: "admissions.csv", ...config }), ...more }, ["--config", "evaluation.json", ...BOTH, ...flags]);

  it("--unit-cost emergency_bed_days= over the config's bed_day (and the other way round)", async () => {
    // 4 nights pre, 3 post at the flag's £250.
    const byId = await withConfig({ unitCosts: { bed_day: 300 } }, ["--unit-cost", "emergency_bed_days=250"]);
    expect(total(byId, "emergency_bed_days")).toMatchObject({ unit_cost: 250, cost_pre: 1000, cost_post: 750 });
    const byShortName = await withConfig({ unitCosts: { emergency_bed_days: 300 } }, ["--unit-cost", "bed_day=250"]);
    expect(total(byShortName, "emergency_bed_days")).toMatchObject({ unit_cost: 250, cost_pre: 1000, cost_post: 750 });
  });

  it("leaves the config's costs of other outcomes alone", async () => {
    const ran = await withConfig({ unitCosts: { bed_day: 300, admission: 2000 } }, ["--unit-cost", "emergency_bed_days=250"]);
    expect(total(ran, "unplanned_admissions")).toMatchObject({ unit_cost: 2000, cost_pre: 4000 });
  });

  it("a flag's unit cost over the config's cost column, and a flag's cost column over the config's unit cost", async () => {
    const tariffed = { "admissions.csv": "patient_id,admission_date,admission_method,discharge_date,Tariff\np1,2021-06-08,21,2021-06-10,1234\n" };
    const unitWins = await withConfig({ costColumns: { unplanned_admissions: "Tariff" } }, ["--unit-cost", "admission=500"], tariffed);
    expect(total(unitWins, "unplanned_admissions")).toMatchObject({ pre: 1, unit_cost: 500, cost_pre: 500 });
    expect(total(unitWins, "unplanned_admissions").cost_column).toBeUndefined();
    const columnWins = await withConfig({ unitCosts: { admission: 500 } }, ["--cost-column", "unplanned_admissions=Tariff"], tariffed);
    expect(total(columnWins, "unplanned_admissions")).toMatchObject({ pre: 1, cost_column: "Tariff", cost_pre: 1234 });
    expect(total(columnWins, "unplanned_admissions").unit_cost).toBeUndefined();
  });

  it("a flag's unit cost over a custom outcome's own costColumn", async () => {
    // 06-05 pre at the flag's £30 rather than the row's £99.
    const gp = "patient_id,event_date,Price\np1,2021-06-05,99\n";
    const config = JSON.stringify({ customOutcomes: [{ id: "gp_appointments", label: "GP appointments", extract: "gp.csv", costColumn: "Price" }] });
    const ran = await evaluateCli({ "gp.csv": gp, "evaluation.json": config }, ["--config", "evaluation.json", "--unit-cost", "gp_appointments=30"]);
    expect(total(ran, "gp_appointments")).toMatchObject({ pre: 1, unit_cost: 30, cost_pre: 30 });
    expect(total(ran, "gp_appointments").cost_column).toBeUndefined();
  });
});

describe("under --suppress, costs are withheld where their counts are", () => {
  // Eight patients, so that the patient count (8 → 10) is shown; all the activity is p1's.
  const many = `patient_id,cohort,intervention_date\n${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `p${n},A,2021-06-15`).join("\n")}\n`;

  it("withholds a cost-column cost where its window's count is suppressed, and shows it where the count is", async () => {
    // pre: 10 admissions 06-05 … 06-14 at £100 = £1000 (count 10: shown, a multiple of 5);
    // post: 3 admissions 06-16 … 06-18 at £50 (count 3: suppressed, so the cost post and the change are too).
    const pre = Array.from({ length: 10 }, (_, i) => `p1,2021-06-${String(5 + i).padStart(2, "0")},21,100`);
    const post = ["p1,2021-06-16,21,50", "p1,2021-06-17,21,50", "p1,2021-06-18,21,50"];
    const rows = `patient_id,admission_date,admission_method,Tariff_Total_Payment\n${[...pre, ...post].join("\n")}\n`;
    const ws = await workspace({ "referrals.csv": many, "admissions.csv": rows });
    const run = await runCli([
      "evaluate", "--referrals", ws.path("referrals.csv"), "--admissions", ws.path("admissions.csv"), "--window", "10d", "--data-start", covered.dataStart,
      "--data-end", covered.dataEnd, "--bootstrap", "0", "--format", "json", "--suppress", "--cost-column", "admission=Tariff_Total_Payment",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const figures = (JSON.parse(run.stdout) as Result).outcomes[0]!.total;
    expect(figures).toMatchObject({ patients: 10, pre: 10, post: null, cost_pre: 1000, cost_post: null, cost_change: null });
  });

  it("withholds a unit cost where its count is, and prices the rounded count where it is shown", async () => {
    // Bed days: 06-05 → 06-17: nights 05 … 14 pre (10), 15 index day, 16 post (1).
    // pre 10 is shown (10), so cost 10 × 300 = 3000; post 1 is suppressed, and its cost and the change with it.
    const ws = await workspace({ "referrals.csv": many, "admissions.csv": "patient_id,admission_date,admission_method,discharge_date\np1,2021-06-05,21,2021-06-17\n" });
    const run = await runCli([
      "evaluate", "--referrals", ws.path("referrals.csv"), "--admissions", ws.path("admissions.csv"), "--outcomes", "emergency_bed_days", "--window", "10d",
      "--data-start", covered.dataStart, "--data-end", covered.dataEnd, "--bootstrap", "0", "--format", "json", "--suppress", "--unit-cost", "bed_day=300",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const figures = (JSON.parse(run.stdout) as Result).outcomes[0]!.total;
    expect(figures).toMatchObject({ pre: 10, post: null, unit_cost: 300, cost_pre: 3000, cost_post: null, cost_change: null });
  });
});
