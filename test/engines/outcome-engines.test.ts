import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RunFlags, resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import type { Result } from "../../src/result.js";
import { covered, csv, evaluateOnBothEngines, runCli, workspace } from "../helpers.js";

/**
 * The new outcomes on both engines. DuckDB counts outpatient attendances and custom outcomes in SQL
 * (each rule's SQL twin beside its TypeScript, src/outcomes/*.ts); bed days and cost columns go to
 * the row reader. Either way the answers, and the problems, must be the stream engine's. Each test
 * also checks the hand-worked counts, so that two engines agreeing on a wrong answer fails.
 * p1 is referred 2021-06-15, window 10 days: pre 2021-06-05 … 06-14, post 06-16 … 06-25.
 */
const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\np2,B,2021-06-20\n";
const window = { window: "10d", ...covered, bootstrap: 0 } as const;

/** Which extracts the DuckDB engine handed to the row reader (it says so under PREPOST_DEBUG_ENGINE). */
let rowByRow: string[] = [];
beforeEach(() => {
  rowByRow = [];
  vi.stubEnv("PREPOST_DEBUG_ENGINE", "1");
  vi.spyOn(process.stderr, "write").mockImplementation((text) => {
    const said = /prepost: (\S+) read row by row/.exec(String(text));
    if (said) rowByRow.push(said[1]!);
    return true;
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const totalOf = (json: string, id: string) => (JSON.parse(json) as Result).outcomes.find((o) => o.outcome === id)!;

// p1: 06-05 "5", 06-06 " 6 " (trimmed), 06-07 "7", 06-08 "", 06-09 "NULL", 06-10 "n/a", 06-11 "3" → pre 2.
// p1: 06-15 "5" (index day), 06-16 "5", 06-26 "6" (after post_end) → post 1.
// p2 (index 06-20: pre 06-10 … 06-19, post 06-21 … 06-30): 06-12 "6" pre, 06-25 "2" (cancelled), 06-30 "5" post.
const appointments = csv`
  patient_id,appointment_date,attendance_status
  p1,2021-06-05,5
  p1,2021-06-06, 6 
  p1,2021-06-07,7
  p1,2021-06-08,
  p1,2021-06-09,NULL
  p1,2021-06-10,n/a
  p1,2021-06-11,3
  p1,2021-06-15,5
  p1,2021-06-16,5
  p1,2021-06-26,6
  p2,2021-06-12,6
  p2,2021-06-25,2
  p2,2021-06-30,5
  q9,2021-06-10,5
`;

describe("outpatient attendances: the same on both engines, DuckDB counting them in SQL", () => {
  it("agrees on the attended statuses, the not_attended ones and the missing-value tokens", async () => {
    const both = await evaluateOnBothEngines({ referrals, outpatients: appointments }, window);
    expect(both.duckdb).toBe(both.stream);
    expect(rowByRow).toEqual([]);
    const op = totalOf(both.stream, "outpatient_attendances");
    expect(op.cohorts.map(({ cohort, pre, post }) => ({ cohort, pre, post }))).toEqual([
      { cohort: "A", pre: 2, post: 1 },
      { cohort: "B", pre: 1, post: 1 },
    ]);
    // not_attended: p1's 7, "", NULL, n/a, 3 and p2's 2 = 6.
    expect((JSON.parse(both.stream) as Result).rows.accounts.outpatient_attendances!.notCountable).toEqual({ not_attended: 6, missing_date: 0 });
  });

  it("agrees where attendedCodes lists an empty status (so every missing-value token counts as that)", async () => {
    const ws = await workspace({ "evaluation.json": JSON.stringify({ attendedCodes: ["5", "6", ""] }) });
    const both = await evaluateOnBothEngines({ referrals, outpatients: appointments }, { ...window, config: ws.path("evaluation.json") });
    expect(both.duckdb).toBe(both.stream);
    // p1 pre: 5, 6, "", NULL, n/a = 5.
    expect(totalOf(both.stream, "outpatient_attendances").cohorts[0]).toMatchObject({ pre: 5, post: 1 });
  });

  it("agrees on SUS+ headers found without mapping and on D/M/YYYY dates", async () => {
    const sus = "Der_Pseudo_NHS_Number,Appointment_Date,Attendance_Status\np1,5/6/2021,5\np1,16/6/2021,6\np1,17/6/2021,3\n";
    const both = await evaluateOnBothEngines({ referrals, outpatients: sus }, window);
    expect(both.duckdb).toBe(both.stream);
    expect(rowByRow).toEqual([]);
    expect(totalOf(both.stream, "outpatient_attendances").cohorts[0]).toMatchObject({ pre: 1, post: 1 });
  });

  it("agrees on an invalid row: the same message from either engine", async () => {
    const bad = "patient_id,appointment_date,attendance_status\np1,2021-06-05,5\np1,2021-02-30,5\n";
    const both = await evaluateOnBothEngines({ referrals, outpatients: bad }, window);
    expect(both.stream).toMatch(/^exit 2\n.*outpatients\.csv:3: appointment_date: /s);
    expect(both.duckdb).toBe(both.stream);
  });

  it("reads a Parquet outpatients extract to the same answers on both engines", async () => {
    const ws = await workspace({ "referrals.csv": referrals, "outpatients.csv": appointments });
    const converted = await runCli(["convert", "--in", ws.path("outpatients.csv"), "--out", ws.path("outpatients.parquet")]);
    expect(converted.code, converted.stderr).toBe(0);
    const answer = async (outpatients: string, engine: "stream" | "duckdb") => {
      const result = await evaluateCounts(await resolveRun({ referrals: ws.path("referrals.csv"), outpatients, ...window, engine } as RunFlags));
      return { outcomes: result.outcomes, accounts: result.rows.accounts };
    };
    const fromCsv = await answer(ws.path("outpatients.csv"), "stream");
    expect(fromCsv.outcomes[0]!.cohorts[0]).toMatchObject({ pre: 2, post: 1 });
    rowByRow = [];
    expect(await answer(ws.path("outpatients.parquet"), "duckdb")).toEqual(fromCsv);
    expect(rowByRow).toEqual([]);
    expect(await answer(ws.path("outpatients.parquet"), "stream")).toEqual(fromCsv);
  });
});

describe("a custom outcome: the same on both engines", () => {
  /** Both engines on the referrals and a config holding the custom outcome (its extract beside it). */
  async function custom(extract: string, definition: Record<string, unknown>) {
    const ws = await workspace({
      "gp.csv": extract,
      "evaluation.json": JSON.stringify({ customOutcomes: [{ id: "gp_appointments", label: "GP appointments", extract: "gp.csv", ...definition }] }),
    });
    return evaluateOnBothEngines({ referrals }, { ...window, config: ws.path("evaluation.json") });
  }

  // p1 pre: Finished, " finished ", ARRIVED, Dr's clinic, DNA, "", NULL; post: Arrived, cancelled.
  const gp = csv`
    Patient_Pseudo,Appointment_Date,Appt Status
    p1,2021-06-05,Finished
    p1,2021-06-06, finished 
    p1,2021-06-07,ARRIVED
    p1,2021-06-08,Dr's clinic
    p1,2021-06-09,DNA
    p1,2021-06-10,
    p1,2021-06-11,NULL
    p1,2021-06-16,Arrived
    p1,2021-06-17,cancelled
    q9,2021-06-10,Finished
  `;
  const columns = { patient_id: "Patient_Pseudo", event_date: "Appointment_Date" };

  it("counts every row with a date without countWhere, in SQL", async () => {
    const both = await custom(gp, { columns });
    expect(both.duckdb).toBe(both.stream);
    expect(rowByRow).toEqual([]);
    // pre: the 7 rows of 06-05 … 06-11; post: 06-16, 06-17.
    expect(totalOf(both.stream, "gp_appointments").cohorts[0]).toMatchObject({ pre: 7, post: 2 });
  });

  it("selects trimmed values in any case, a quote and a header with a space among them, in SQL", async () => {
    const both = await custom(gp, { columns, countWhere: { column: "appt status", in: ["FINISHED", "arrived", "dr's clinic"] } });
    expect(both.duckdb).toBe(both.stream);
    expect(rowByRow).toEqual([]);
    // pre: Finished, " finished ", ARRIVED, Dr's clinic = 4; post: Arrived = 1. not_selected: DNA, "", NULL, cancelled.
    expect(totalOf(both.stream, "gp_appointments").cohorts[0]).toMatchObject({ pre: 4, post: 1 });
    expect((JSON.parse(both.stream) as Result).rows.accounts.gp_appointments!.notCountable).toEqual({ not_selected: 4, missing_date: 0 });
  });

  it("agrees on values beyond ASCII, where JavaScript's and DuckDB's lower case may differ", async () => {
    // TERMINÉ and Terminé (pre) are terminé; STRASSE is not straße in either engine's lower case (post: not selected);
    // İ (dotted capital I) lowers to i + a combining dot in JavaScript, so "İptal" is not "iptal".
    const accented = "patient_id,event_date,Status\np1,2021-06-05,TERMINÉ\np1,2021-06-06,Terminé\np1,2021-06-16,STRASSE\np1,2021-06-17,İptal\n";
    const both = await custom(accented, { countWhere: { column: "Status", in: ["terminé", "straße", "iptal"] } });
    expect(both.duckdb).toBe(both.stream);
    expect(totalOf(both.stream, "gp_appointments").cohorts[0]).toMatchObject({ pre: 2, post: 0 });
  });

  it("agrees on D/M/YYYY dates and HES placeholders in its extract", async () => {
    // 5/6/2021 pre, 16/6/2021 post, 01/01/1800: a missing date (not countable).
    const dmy = "patient_id,event_date\np1,5/6/2021\np1,16/6/2021\np1,01/01/1800\n";
    const both = await custom(dmy, {});
    expect(both.duckdb).toBe(both.stream);
    expect(totalOf(both.stream, "gp_appointments").cohorts[0]).toMatchObject({ pre: 1, post: 1 });
    expect((JSON.parse(both.stream) as Result).rows.accounts.gp_appointments!.notCountable).toEqual({ missing_date: 1 });
  });
});

describe("bed days and cost columns: the row reader's on either engine, with the same answers", () => {
  // p1: 06-08 → 06-10 (nights 08, 09 pre, £100); 06-13 → 06-18 (13, 14 pre, 15 index day, 16, 17 post; no cost);
  // 06-12 elective (not counted, £9999). p2 (pre 06-10 … 06-19, post 06-21 … 06-30): 06-18 open → with data end
  // 2030 its nights run on: 18, 19 pre, 20 the index day, 21 … 30 post (10); £250.
  const admissions = csv`
    patient_id,admission_date,admission_method,discharge_date,Tariff
    p1,2021-06-08,21,2021-06-10,100
    p1,2021-06-13,21,2021-06-18,
    p1,2021-06-12,11,2021-06-14,9999
    p2,2021-06-18,21,,250
  `;

  it("agrees on the nights, the admissions and the costs", async () => {
    const both = await evaluateOnBothEngines(
      { referrals, admissions },
      { ...window, outcomes: ["unplanned_admissions", "emergency_bed_days"], costColumns: { admission: "Tariff" }, unitCosts: { bed_day: 300 } },
    );
    expect(both.duckdb).toBe(both.stream);
    expect(rowByRow).toEqual(["admissions"]);
    const beds = totalOf(both.stream, "emergency_bed_days");
    expect(beds.cohorts.map(({ pre, post }) => ({ pre, post }))).toEqual([
      { pre: 4, post: 2 },
      { pre: 2, post: 10 },
    ]);
    expect(beds.total).toMatchObject({ pre: 6, post: 12, cost_pre: 1800, cost_post: 3600 });
    // Admissions: p1 06-08, 06-13 pre (£100 + none); p2 06-18 pre (£250).
    expect(totalOf(both.stream, "unplanned_admissions").total).toMatchObject({ pre: 3, post: 0, cost_pre: 350, cost_post: 0, cost_missing: 1 });
  });
});
