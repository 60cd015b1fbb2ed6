import { describe, expect, it } from "vitest";
import { runCli, workspace } from "../helpers.js";

const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\np2,A,2021-06-20\n";
const admissions = "patient_id,admission_date,admission_method,episode_order\np1,2021-05-01,21,1\n";

/** Runs the same evaluation on both engines. */
async function bothEngines(files: Record<string, string>, extra: string[] = []) {
  const ws = await workspace({ "referrals.csv": referrals, ...files });
  const inputs = Object.keys(files).flatMap((name) => [`--${name.replace(/\.csv$/, "")}`, ws.path(name)]);
  const args = ["evaluate", "--referrals", ws.path("referrals.csv"), ...inputs, "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--format", "json", "--bootstrap", "0", ...extra];
  const [stream, duckdb] = [await runCli([...args, "--engine", "stream"]), await runCli([...args, "--engine", "duckdb"])];
  const withoutEngine = (stdout: string) => stdout.replace(/"engine": "\w+"/, "");
  return { stream, duckdb, same: () => expect({ ...duckdb, stdout: withoutEngine(duckdb.stdout) }).toEqual({ ...stream, stdout: withoutEngine(stream.stdout) }) };
}

const BAD_AE: Record<string, string> = {
  "an impossible date": "patient_id,arrival_date\np1,2021-05-01\np1,2021-02-30\n",
  "a date in the other format": "patient_id,arrival_date\np1,2021-05-01\np1,01/05/2021\n",
  "a US month/day date": "patient_id,arrival_date\np1,05/23/2021\n",
  "a missing-value token for the patient": "patient_id,arrival_date\nNULL,2021-05-01\np1,2021-05-02\n",
  "an empty patient identifier": "patient_id,arrival_date\n,2021-05-01\np1,2021-05-02\n",
  "a short row": "patient_id,arrival_date,attendance_category\np1,2021-05-01\n",
  "a long row": "patient_id,arrival_date\np1,2021-05-01,1\n",
  "a field past the header's last that is not empty": "patient_id,arrival_date\np1,2021-05-01,\np1,2021-05-02, x\n",
  "an unterminated quote": 'patient_id,arrival_date\np1,2021-05-01\n"p1,2021-05-02\n',
  "a stray quote inside a bare field": 'patient_id,arrival_date,note\np1,2021-05-01,say "hi"\n',
  "a missing column": "patient_id,arrival\np1,2021-05-01\n",
  "an empty file": "",
  "a time that is not one": "patient_id,arrival_date\np1,2021-05-01T25\n",
  "CRLF with a bare LF inside a row": "patient_id,arrival_date\r\np1,2021-05-01\np1,2021-05-02\r\n",
};

describe("bad input under the DuckDB engine: the stream engine's messages, exit 2, the same rows skipped", () => {
  for (const [what, ae] of Object.entries(BAD_AE)) {
    it(`reports ${what} exactly as the stream engine does`, async () => {
      const run = await bothEngines({ "ae.csv": ae });
      expect(run.duckdb.code).toBe(2);
      run.same();
    });

    it(`skips the same rows for ${what} under --skip-invalid`, async () => {
      const run = await bothEngines({ "ae.csv": ae }, ["--skip-invalid"]);
      run.same();
    });
  }

  it("reads a trailing comma (empty fields past the header's last) as nothing, as the stream engine does", async () => {
    const run = await bothEngines({ "ae.csv": "patient_id,arrival_date\np1,2021-05-01,\np1,2021-05-02,,\np1,2021-05-03, \n" });
    expect(run.duckdb.code).toBe(0);
    const result = JSON.parse(run.duckdb.stdout);
    expect(result.rows.ae).toBe(3);
    expect(result.outcomes[0].cohorts[0].pre).toBe(3);
    run.same();
  });

  it("does not count a row of empty fields, as the stream engine does not", async () => {
    const run = await bothEngines({ "ae.csv": "patient_id,arrival_date\np1,2021-05-01\n,\n , \np1,2021-05-03\n" });
    expect(run.duckdb.code).toBe(0);
    expect(JSON.parse(run.duckdb.stdout).rows.ae).toBe(2);
    run.same();
  });

  it("reports problems in both activity extracts, in the same order", async () => {
    const run = await bothEngines({ "ae.csv": BAD_AE["an impossible date"]!, "admissions.csv": admissions.replace("21,1", "21,1\n,2021-13-01,21,1") });
    expect(run.duckdb.code).toBe(2);
    expect(run.duckdb.stderr).toMatch(/ae\.csv:3: arrival_date[\s\S]*admissions\.csv:3: patient_id/);
    run.same();
  });

  it("names a missing file", async () => {
    const ws = await workspace({ "referrals.csv": referrals });
    const run = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("nowhere.csv"), "--engine", "duckdb"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nowhere.csv: cannot read: no such file");
  });
});
