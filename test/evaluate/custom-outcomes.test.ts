import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateWithConfig, excluded, outcome, runCli, workspace } from "../helpers.js";
import { expectAccountAddsUp, inputErrorOf } from "./row-account-sum.js";

/**
 * outcomes.md, "Custom outcomes": an extract of the ICB's own, counted one a row; every row with a
 * date counts unless `countWhere` selects (values trimmed, any case; the rest `not_selected`).
 * p1 is referred on 2021-06-15, window 10 days: pre 2021-06-05 … 06-14, post 06-16 … 06-25.
 */
const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
`;
const window = { window: "10d", ...covered } as const;

const gp = csv`
  Patient_Pseudo,Appointment_Date,Status
  p1,2021-06-05,Finished
  p1,2021-06-06, finished
  p1,2021-06-07,ARRIVED
  p1,2021-06-08,DNA
  p1,2021-06-09,
  p1,2021-06-15,Finished
  p1,2021-06-16,Arrived
  p1,2021-06-17,Cancelled by Patient
  q9,2021-06-10,Finished
  p1,1800-01-01,Finished
`;
//  2 06-05 Finished               pre
//  3 06-06 " finished" (trimmed, any case) pre
//  4 06-07 ARRIVED (any case)     pre
//  5 06-08 DNA                    not_selected
//  6 06-09 empty                  not_selected
//  7 06-15 Finished               index day, not counted
//  8 06-16 Arrived                post
//  9 06-17 Cancelled by Patient   not_selected
// 10 q9: not referred             activity of others
// 11 1800-01-01                   missing_date (HES's placeholder is a missing date in every extract)

const GP = {
  id: "gp_appointments",
  label: "GP appointments",
  extract: "gp.csv",
  columns: { patient_id: "Patient_Pseudo", event_date: "Appointment_Date" },
};

const run = (custom: Record<string, unknown>, config: Record<string, unknown> = {}, files: Record<string, string> = { "gp.csv": gp }) =>
  evaluateWithConfig({ "r.csv": referrals, ...files }, { referrals: "r.csv", customOutcomes: [{ ...GP, ...custom }], ...window, ...config });

describe("a custom outcome counts one a row", () => {
  it("counts every row with a date without countWhere", async () => {
    const result = await run({});
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["gp_appointments"]);
    expect(outcome(result, "gp_appointments")).toMatchObject({ label: "GP appointments", extract: "gp_appointments", unit: "rows" });
    // pre: lines 2–6 (5 rows, whatever their status); post: lines 8, 9.
    expect(cohortRow(result, "gp_appointments", "A")).toMatchObject({ patients: 1, pre: 5, post: 2 });
    const account = result.rows.accounts.gp_appointments!;
    expect(account).toMatchObject({ read: 10, activityOfOthers: 1, onIndexDay: 1, counted: 7 });
    expect(account.notCountable).toEqual({ missing_date: 1 });
    expectAccountAddsUp(account);
  });

  it("with countWhere counts the rows whose value is listed, trimmed and in any case; the others are not_selected", async () => {
    const result = await run({ countWhere: { column: "Status", in: ["Finished", "Arrived"] } });
    // pre: lines 2, 3, 4; post: line 8. not_selected: lines 5, 6, 9.
    expect(cohortRow(result, "gp_appointments", "A")).toMatchObject({ pre: 3, post: 1 });
    const account = result.rows.accounts.gp_appointments!;
    // Line 11's status is selected, so what keeps it from counting is its date: missing_date.
    expect(account.notCountable).toEqual({ not_selected: 3, missing_date: 1 });
    expect(account).toMatchObject({ read: 10, activityOfOthers: 1, onIndexDay: 1, counted: 4 });
    expectAccountAddsUp(account);
  });

  it("compares the listed values trimmed and in any case too, and finds the column in any case", async () => {
    const result = await run({ countWhere: { column: "status", in: [" FINISHED ", "arrived"] } });
    expect(cohortRow(result, "gp_appointments", "A")).toMatchObject({ pre: 3, post: 1 });
  });

  it("counts a value with spaces inside as written (Cancelled by Patient)", async () => {
    const result = await run({ countWhere: { column: "Status", in: ["cancelled by patient"] } });
    // Only line 9 (06-17, post).
    expect(cohortRow(result, "gp_appointments", "A")).toMatchObject({ pre: 0, post: 1 });
  });

  it("stops where the countWhere column is not in the extract, naming it", async () => {
    const error = await inputErrorOf(run({ countWhere: { column: "Appt_Status", in: ["Finished"] } }));
    expect(error).toMatch(/gp\.csv/);
    expect(error).toMatch(/Appt_Status/);
  });

  it("is reported with the built-in outcomes, in the order `outcomes` lists them", async () => {
    const ae = "patient_id,arrival_date\np1,2021-06-07\n";
    const both = await run({}, { ae: "ae.csv" }, { "gp.csv": gp, "ae.csv": ae });
    // By default: the built-in outcomes, then the custom ones in the config's order.
    expect(both.outcomes.map((o) => o.outcome)).toEqual(["ae_attendances", "gp_appointments"]);
    const listed = await run({}, { ae: "ae.csv", outcomes: ["gp_appointments", "ae_attendances"] }, { "gp.csv": gp, "ae.csv": ae });
    expect(listed.outcomes.map((o) => o.outcome)).toEqual(["gp_appointments", "ae_attendances"]);
    const alone = await run({}, { ae: "ae.csv", outcomes: ["ae_attendances"] }, { "gp.csv": gp, "ae.csv": ae });
    expect(alone.outcomes.map((o) => o.outcome)).toEqual(["ae_attendances"]);
    expect(alone.rows.accounts.gp_appointments).toBeUndefined();
  });

  it("counts two custom outcomes from two extracts, each on its own", async () => {
    const calls = "patient_pseudo,call_date\np1,2021-06-10\np1,2021-06-11\np1,2021-06-20\n";
    const result = await evaluateWithConfig(
      { "r.csv": referrals, "gp.csv": gp, "111.csv": calls },
      {
        referrals: "r.csv",
        customOutcomes: [GP, { id: "nhs111_calls", label: "NHS 111 calls", extract: "111.csv", columns: { patient_id: "patient_pseudo", event_date: "call_date" } }],
        ...window,
      },
    );
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["gp_appointments", "nhs111_calls"]);
    // 06-10, 06-11 pre; 06-20 post.
    expect(cohortRow(result, "nhs111_calls", "A")).toMatchObject({ pre: 2, post: 1 });
    expect(cohortRow(result, "gp_appointments", "A")).toMatchObject({ pre: 5, post: 2 });
  });
});

describe("a custom outcome's extract has its own dates, format and coverage", () => {
  it("reads D/M/YYYY dates in its extract (decided from its own first date)", async () => {
    // 5/6/2021 = 5 June (pre), 16/6/2021 = 16 June (post); the referrals are ISO.
    const dmy = "Patient_Pseudo,Appointment_Date,Status\np1,5/6/2021,Finished\np1,16/6/2021,Finished\np1,14/06/2021 09:30,Finished\n";
    const result = await run({}, {}, { "gp.csv": dmy });
    // 14/06/2021 09:30: only the day counts → pre.
    expect(cohortRow(result, "gp_appointments", "A")).toMatchObject({ pre: 2, post: 1 });
  });

  it("takes its own format: a date format that stops its extract, and a delimiter", async () => {
    const dmy = "Patient_Pseudo;Appointment_Date;Status\np1;5/6/2021;Finished\n";
    // iso for this extract: a D/M date is then not a date of its column's format.
    const error = await inputErrorOf(run({ format: { dateFormat: "iso", delimiter: ";" } }, {}, { "gp.csv": dmy }));
    expect(error).toMatch(/gp\.csv:2: Appointment_Date: /);
    const result = await run({ format: { dateFormat: "dmy", delimiter: ";" } }, {}, { "gp.csv": dmy });
    expect(cohortRow(result, "gp_appointments", "A")).toMatchObject({ pre: 1, post: 0 });
  });

  it("takes its own coverage, which bounds the run as any extract's does (rule 2.5)", async () => {
    // Its coverage ends 2021-06-20, before p1's post_end 2021-06-25: p1's follow-up is not fully covered.
    const result = await evaluateWithConfig(
      { "r.csv": referrals, "gp.csv": gp },
      { referrals: "r.csv", window: "10d", customOutcomes: [{ ...GP, coverage: { start: "2021-01-01", end: "2021-06-20" } }] },
    );
    expect(result.settings.coverage.gp_appointments).toMatchObject({ start: "2021-01-01", end: "2021-06-20", startSource: "given", endSource: "given" });
    expect(result.settings.dataEnd).toBe("2021-06-20");
    expect(result.settings.dataEndBoundBy).toEqual(["gp_appointments"]);
    expect(excluded(result, "incomplete_window")).toBe(1);
    expect(cohortRow(result, "gp_appointments", "Total").patients).toBe(0);
  });
});

describe("a custom outcome's id: a lower-case word unlike every built-in id", () => {
  for (const id of ["GP_appointments", "1gp", "gp-appointments", "gp appointments", "_gp"]) {
    it(`refuses ${JSON.stringify(id)}`, async () => {
      const error = await inputErrorOf(run({ id }));
      expect(error).toMatch(/customOutcomes\.0\.id/);
      expect(error).toMatch(/lower-case/);
    });
  }

  for (const id of ["ae_attendances", "unplanned_admissions", "emergency_bed_days", "outpatient_attendances"]) {
    it(`refuses the built-in id ${id}`, async () => {
      const error = await inputErrorOf(run({ id }));
      expect(error).toMatch(/customOutcomes\.0\.id/);
      expect(error).toContain(id);
    });
  }

  // Choice: the spec allows any lower-case word unlike a built-in id, but the JSON output keys its
  // per-extract blocks by the extract's name beside fields of its own (`rows.skipped`, `rows.accounts`,
  // `inputs.columns`, `inputs.formats`): an outcome with one of these ids overwrote the field (rows.skipped
  // a number, inputs losing the extract) or crashed the run (accounts). Such an id is refused, naming why.
  for (const id of ["accounts", "skipped", "columns", "formats", "referrals", "comparison", "ae", "admissions", "outpatients"]) {
    it(`refuses ${id}, a name the output or the config already gives a meaning`, async () => {
      const error = await inputErrorOf(run({ id }));
      expect(error).toMatch(/customOutcomes\.0\.id/);
      expect(error).toContain(`"${id}"`);
    });
  }

  it("refuses two custom outcomes with one id", async () => {
    const error = await inputErrorOf(
      evaluateWithConfig({ "r.csv": referrals, "gp.csv": gp }, { referrals: "r.csv", customOutcomes: [GP, { ...GP, label: "Again" }], ...window }),
    );
    expect(error).toMatch(/customOutcomes\.1\.id/);
  });

  it("accepts digits and underscores after the first letter", async () => {
    const result = await run({ id: "nhs111_calls_2" });
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["nhs111_calls_2"]);
  });

  it("refuses an unknown id in `outcomes`, naming the nearest (exit 2)", async () => {
    const ws = await workspace({
      "r.csv": referrals,
      "gp.csv": gp,
      "evaluation.json": JSON.stringify({ referrals: "r.csv", customOutcomes: [GP], outcomes: ["gp_appointment"], ...window }),
    });
    const cli = await runCli(["evaluate", "--config", ws.path("evaluation.json")]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/outcomes\.0/);
    expect(cli.stderr).toMatch(/"gp_appointment" is not an outcome/);
    expect(cli.stderr).toMatch(/gp_appointments/);
  });
});
