import { describe, expect, it } from "vitest";
import { cohortRow, covered, csv, evaluateExtracts, evaluateWithConfig, outcome } from "../helpers.js";
import { expectAccountAddsUp, inputErrorOf } from "./row-account-sum.js";

/**
 * outcomes.md, the outcomes table and "Outpatient attendances". p1 is referred on 2021-06-15 and the
 * window is 10 days, so pre is 2021-06-05 … 06-14 and post 2021-06-16 … 06-25 (evaluation.md rule 3).
 */
const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
`;
const window = { window: "10d", ...covered } as const;

// Line numbers (the header is line 1) beside each row, with where the spec puts it.
const appointments = csv`
  patient_id,appointment_date,attendance_status
  p1,2021-06-05,5
  p1,2021-06-06,6
  p1,2021-06-07,7
  p1,2021-06-08,2
  p1,2021-06-09,4
  p1,2021-06-10,3
  p1,2021-06-11,0
  p1,2021-06-12,8
  p1,2021-06-13,9
  p1,2021-06-14,
  p1,2021-06-15,5
  p1,2021-06-16, 5
  p1,2021-06-20,NULL
  p1,2021-06-26,6
  q9,2021-06-10,5
  p1,1800-01-01,5
`;
//  2  06-05 status 5: seen on time → pre
//  3  06-06 status 6: arrived late, seen → pre
//  4–11 statuses 7 (late, not seen), 2 and 4 (cancelled), 3 (did not attend), 0, 8, 9, empty → not_attended
// 12  06-15 status 5: the index day, not counted (--index-day exclude)
// 13  06-16 " 5" (trimmed: 5) → post
// 14  06-20 NULL: a missing value, so an empty status → not_attended
// 15  06-26 status 6: after post_end 06-25 → outside the windows
// 16  q9 is not referred → activity of others
// 17  1800-01-01: HES's missing date → missing_date (not countable)

describe("outpatient attendances: statuses 5 and 6 count; every other status is not_attended", () => {
  it("counts attended appointments in each window and accounts for the others by reason", async () => {
    const result = await evaluateExtracts({ referrals, outpatients: appointments }, window);
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["outpatient_attendances"]);
    expect(outcome(result, "outpatient_attendances")).toMatchObject({ label: "Outpatient attendances", extract: "outpatients", unit: "rows" });
    // pre: lines 2 and 3; post: line 13.
    expect(cohortRow(result, "outpatient_attendances", "A")).toMatchObject({ patients: 1, pre: 2, post: 1 });
    const account = result.rows.accounts.outpatient_attendances!;
    // not_attended: lines 4–11 (8 rows) and 14 (NULL) = 9; missing_date: line 17.
    expect(account.notCountable).toEqual({ not_attended: 9, missing_date: 1 });
    expect(account).toMatchObject({ read: 16, skipped: 0, activityOfOthers: 1, ofExcludedPatients: 0, outsideWindows: 1, onIndexDay: 1, counted: 3 });
    expectAccountAddsUp(account);
    expect(result.rows.outpatients).toBe(16);
  });

  it("counts the index day's attendance where --index-day puts it", async () => {
    const result = await evaluateExtracts({ referrals, outpatients: appointments }, { ...window, indexDay: "post" });
    // Line 12 (06-15, status 5) joins the post window: 1 + 1.
    expect(cohortRow(result, "outpatient_attendances", "A")).toMatchObject({ pre: 2, post: 2 });
    expect(result.rows.accounts.outpatient_attendances).toMatchObject({ onIndexDay: 0, counted: 4 });
  });

  it("lets attendedCodes replace the list, not add to it", async () => {
    const files = { "r.csv": referrals, "op.csv": appointments };
    // 5, 6, 7: lines 2, 3, 4 pre; line 13 post. The rest of lines 5–11 and 14 (8 rows) are not_attended.
    const wider = await evaluateWithConfig(files, { referrals: "r.csv", outpatients: "op.csv", attendedCodes: ["5", "6", "7"], ...window });
    expect(cohortRow(wider, "outpatient_attendances", "A")).toMatchObject({ pre: 3, post: 1 });
    expect(wider.rows.accounts.outpatient_attendances!.notCountable.not_attended).toBe(8);
    expect(wider.settings.attendedCodes).toEqual(["5", "6", "7"]);
    // Only 3 (did not attend): line 7 pre, nothing post; 5 and 6 are no longer counted.
    const dna = await evaluateWithConfig(files, { referrals: "r.csv", outpatients: "op.csv", attendedCodes: ["3"], ...window });
    expect(cohortRow(dna, "outpatient_attendances", "A")).toMatchObject({ pre: 1, post: 0 });
    // p1 has 15 rows (lines 2–15 and 17); line 7 counts; the other 14 are not_attended, line 17 too: the
    // rule's reason comes before missing_date (outcome.ts: the missing-date test comes after). q9's is others'.
    expect(dna.rows.accounts.outpatient_attendances!.notCountable).toEqual({ not_attended: 14, missing_date: 0 });
  });

  it("finds SUS+ OP's headers without mapping, and says it took them", async () => {
    const sus = csv`
      Der_Pseudo_NHS_Number,Appointment_Date,Attendance_Status
      p1,2021-06-05,5
      p1,2021-06-16,3
      p1,2021-06-17,6
    `;
    const result = await evaluateExtracts({ referrals, outpatients: sus }, window);
    expect(cohortRow(result, "outpatient_attendances", "A")).toMatchObject({ pre: 1, post: 1 });
    expect(result.inputs.columns.outpatients).toMatchObject({
      patient_id: { header: "Der_Pseudo_NHS_Number" },
      appointment_date: { header: "Appointment_Date" },
      attendance_status: { header: "Attendance_Status" },
    });
  });

  it("finds HES OP's headers without mapping", async () => {
    const hes = csv`
      PSEUDO_HESID,APPTDATE,ATTENDED
      p1,2021-06-05,6
      p1,2021-06-06,2
      p1,2021-06-17,5
    `;
    const result = await evaluateExtracts({ referrals, outpatients: hes }, window);
    expect(cohortRow(result, "outpatient_attendances", "A")).toMatchObject({ pre: 1, post: 1 });
    expect(result.inputs.columns.outpatients).toMatchObject({ appointment_date: { header: "APPTDATE" }, attendance_status: { header: "ATTENDED" } });
  });

  it("reads the columns a config maps to the extract's own headers", async () => {
    const own = csv`
      Patient,Appt_Dt,Outcome_Code
      p1,05/06/2021,5
      p1,16/06/2021,6
    `;
    const result = await evaluateWithConfig(
      { "r.csv": referrals, "op.csv": own },
      { referrals: "r.csv", outpatients: "op.csv", columns: { outpatients: { patient_id: "Patient", appointment_date: "Appt_Dt", attendance_status: "Outcome_Code" } }, ...window },
    );
    expect(cohortRow(result, "outpatient_attendances", "A")).toMatchObject({ pre: 1, post: 1 });
  });

  it("stops where the attendance status column is missing, naming it and the extract", async () => {
    const error = await inputErrorOf(evaluateExtracts({ referrals, outpatients: "patient_id,appointment_date\np1,2021-06-05\n" }, window));
    expect(error).toMatch(/outpatients\.csv/);
    expect(error).toMatch(/attendance_status/);
  });
});

describe("which outcomes a run reports (outcomes.md: `outcomes` in the config, in order)", () => {
  const ae = "patient_id,arrival_date\np1,2021-06-05\n";
  const admissions = "patient_id,admission_date,admission_method,discharge_date\np1,2021-06-06,21,2021-06-08\n";
  const outpatients = "patient_id,appointment_date,attendance_status\np1,2021-06-07,5\n";

  it("by default reports every outcome whose extract is given, but emergency bed days", async () => {
    const result = await evaluateExtracts({ referrals, ae, admissions, outpatients }, window);
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["ae_attendances", "unplanned_admissions", "outpatient_attendances"]);
    expect(Object.keys(result.rows.accounts)).toEqual(["ae_attendances", "unplanned_admissions", "outpatient_attendances"]);
  });

  it("reports those listed, in the listed order, and reads only their extracts", async () => {
    const result = await evaluateExtracts({ referrals, ae, admissions, outpatients }, { ...window, outcomes: ["outpatient_attendances", "emergency_bed_days", "ae_attendances"] });
    expect(result.outcomes.map((o) => o.outcome)).toEqual(["outpatient_attendances", "emergency_bed_days", "ae_attendances"]);
    // 06-06 → 06-08: nights 06-06, 06-07, both pre.
    expect(cohortRow(result, "emergency_bed_days", "A").pre).toBe(2);
    expect(result.rows.accounts.unplanned_admissions).toBeUndefined();
  });

  it("refuses an outcome listed without its extract, naming the outcome and the extract to give", async () => {
    const error = await inputErrorOf(evaluateExtracts({ referrals, ae }, { ...window, outcomes: ["ae_attendances", "outpatient_attendances"] }));
    expect(error).toMatch(/outpatient_attendances/);
    expect(error).toMatch(/--outpatients/);
  });

  it("refuses an unknown outcome, naming the nearest", async () => {
    const error = await inputErrorOf(evaluateExtracts({ referrals, ae }, { ...window, outcomes: ["ae_attendance"] }));
    expect(error).toMatch(/"ae_attendance" is not an outcome/);
    expect(error).toMatch(/ae_attendances/);
  });
});
