import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type RunFlags, resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { sqlString, withDuckDb } from "../../src/io/duckdb-session.js";
import type { Result } from "../../src/result.js";
import { cohortRow, covered, runCli, workspace } from "../helpers.js";

const referrals = "patient_id,cohort,intervention_date,consent\r\np1,A,2021-06-15,y\r\np2,B,2021-06-20,n\r\np3,A,2021-07-01,y\r\n";
const ae = 'Patient_ID,arrival_date,attendance_category,notes\r\n p1 ,2021-05-01 10:22:00,1,"a, b"\r\np1,2021-07-01,4,\r\np2,2021-06-01,1,x\r\nq9,2021-06-01,1,\r\np3,1800-01-01,1,\r\n';
const admissions = "patient_id,admission_date,admission_method,episode_order\np1,2021-05-01,21,01\np1,2021-05-02,11,1\np3,2021-08-01,2a,1\np3,2021-08-02,22,2\n";

/** The result with what names the files (and the engine) left out, for comparing CSV with Parquet runs. */
function answers(result: Result) {
  const { inputs: _inputs, settings, ...rest } = result;
  const { engine: _engine, dataStartSource: _s, dataEndSource: _e, ...kept } = settings;
  return { ...rest, settings: kept };
}

async function evaluateFiles(flags: RunFlags): Promise<Result> {
  return evaluateCounts(await resolveRun({ bootstrap: 0, ...covered, ...flags }));
}

describe("Parquet extracts: the same columns, mapping and answers as CSV", () => {
  it("converts each extract with prepost convert and evaluates them alike on both engines", async () => {
    const ws = await workspace({ "referrals.csv": referrals, "ae.csv": ae, "admissions.csv": admissions });
    for (const name of ["referrals", "ae", "admissions"]) {
      const run = await runCli(["convert", "--in", ws.path(`${name}.csv`), "--out", ws.path(`${name}.parquet`)]);
      expect(run.code, run.stderr).toBe(0);
    }
    expect((await runCli(["convert", "--in", ws.path("ae.csv"), "--out", ws.path("x.parquet")])).stdout).toMatch(/wrote .*x\.parquet \(5 rows\)/);
    const csv = await evaluateFiles({ referrals: ws.path("referrals.csv"), ae: ws.path("ae.csv"), admissions: ws.path("admissions.csv"), engine: "stream" });
    const parquet = { referrals: ws.path("referrals.parquet"), ae: ws.path("ae.parquet"), admissions: ws.path("admissions.parquet") };
    const onStream = await evaluateFiles({ ...parquet, engine: "stream" });
    const onAuto = await evaluateFiles(parquet);
    expect(onAuto.settings.engine).toBe("duckdb");
    expect(answers(onStream)).toEqual(answers(csv));
    expect(answers(onAuto)).toEqual(answers(csv));
    expect(cohortRow(csv, "ae_attendances", "A")).toMatchObject({ pre: 1, post: 0 });
  });

  it("reads typed columns: dates and timestamps in the run's date format, numbers as their text", async () => {
    const ws = await workspace({ "referrals.csv": "patient_id,cohort,intervention_date\np1,A,15/06/2021\n" });
    await withDuckDb({ ordered: true }, (connection) =>
      connection.run(`COPY (SELECT * FROM (VALUES ('p1', DATE '2021-05-01', TIMESTAMP '2021-05-01 10:22:00', 1), ('p1', DATE '2021-07-01', TIMESTAMP '2021-07-01 00:00:00', 4))
        AS t(patient_id, arrival_date, arrival_time, attendance_category)) TO ${sqlString(ws.path("ae.parquet"))} (FORMAT parquet)`),
    );
    for (const engine of ["stream", "duckdb"] as const) {
      const result = await evaluateFiles({ referrals: ws.path("referrals.csv"), ae: ws.path("ae.parquet"), dateFormat: "dmy", engine });
      expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ pre: 1, post: 0 });
      expect(result.rows.accounts.ae_attendances?.notCountable.excluded_category).toBe(1);
    }
  });

  it("reports a bad value in a Parquet row at its row number + 1, on both engines", async () => {
    const ws = await workspace({ "referrals.csv": "patient_id,cohort,intervention_date\np1,A,2021-06-15\n" });
    await withDuckDb({ ordered: true }, (connection) =>
      connection.run(`COPY (SELECT * FROM (VALUES ('p1', '2021-05-01'), ('p1', '2021-02-30')) AS t(patient_id, arrival_date)) TO ${sqlString(ws.path("ae.parquet"))} (FORMAT parquet)`),
    );
    for (const engine of ["stream", "duckdb"]) {
      const run = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.parquet"), "--engine", engine]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('ae.parquet:3: arrival_date: is not a day that exists ("2021-02-30")');
    }
  });

  it("names a file that is not Parquet", async () => {
    const ws = await workspace({ "referrals.csv": referrals, "ae.parquet": "patient_id,arrival_date\n" });
    const run = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.parquet")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ae\.parquet: cannot read as Parquet/);
  });
});

describe("prepost convert: a quoted value's own edge spaces, trimmed in CSV and in Parquet alike", () => {
  it("reads `\"p1 \"` as p1 from the CSV, on both engines, and from its Parquet copy", async () => {
    const ws = await workspace({
      "referrals.csv": "patient_id,cohort,intervention_date\np1,A,2021-06-15\n",
      "ae.csv": 'patient_id,arrival_date\n"p1 ",2021-05-01\np1," 2021-05-02\t"\n',
    });
    expect((await runCli(["convert", "--in", ws.path("ae.csv"), "--out", ws.path("ae.parquet")])).code).toBe(0);
    const referrals = ws.path("referrals.csv");
    for (const ae of [ws.path("ae.csv"), ws.path("ae.parquet")]) {
      for (const engine of ["stream", "duckdb"] as const) {
        const result = await evaluateFiles({ referrals, ae, engine });
        expect(cohortRow(result, "ae_attendances", "A").pre, `${ae} on ${engine}`).toBe(2);
        expect(result.rows.activityOfOthers).toBe(0);
      }
    }
  });
});

describe("prepost convert: rows of the wrong length", () => {
  it("converts a trailing comma as nothing, as evaluate reads it, and refuses a field past the header's last", async () => {
    const ws = await workspace({
      "trailing.csv": "patient_id,arrival_date\np1,2021-05-01,\np2,2021-05-02,,\n",
      "long.csv": "patient_id,arrival_date\np1,2021-05-01,x\n",
      "short.csv": "patient_id,arrival_date\np1\n",
    });
    expect((await runCli(["convert", "--in", ws.path("trailing.csv"), "--out", ws.path("trailing.parquet")])).code).toBe(0);
    for (const bad of ["long", "short"]) {
      const run = await runCli(["convert", "--in", ws.path(`${bad}.csv`), "--out", ws.path(`${bad}.parquet`)]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr, bad).toContain("a row has a different number of fields from the header");
    }
  });
});
