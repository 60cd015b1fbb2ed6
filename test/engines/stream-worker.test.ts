import { describe, expect, it } from "vitest";
import { csv, runBuiltCli, runCli, workspace } from "../helpers.js";

/**
 * The built CLI (`npm test` builds first), where the stream engine reads an activity extract in a
 * worker thread, here whatever its size (`PREPOST_WORKER_MIN_BYTES`: these extracts are tiny).
 */
const builtCli = (args: string[], env: Record<string, string> = {}) => runBuiltCli(args, process.cwd(), { PREPOST_WORKER_MIN_BYTES: "0", ...env });

const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
  p2,A,2021-07-01
  p3,B,2021-08-20
`;

/** 15 invalid A&E rows and 10 invalid admissions among valid ones: more problems than are shown (20). */
function extracts() {
  const ae = ["patient_id,arrival_date,attendance_category"];
  for (let i = 0; i < 30; i++) ae.push(i % 2 ? `p${(i % 3) + 1},2021-0${(i % 9) + 1}-1${i % 10},${i % 5 ? 1 : 2}` : `p${(i % 3) + 1},2021-02-3${i % 2},1`);
  const admissions = ["patient_id,admission_date,admission_method"];
  for (let i = 0; i < 20; i++) admissions.push(i % 2 ? `p${(i % 3) + 1},2021-0${(i % 9) + 1}-0${(i % 9) + 1},21` : `,2021-05-01,21`);
  return { "referrals.csv": referrals, "ae.csv": `${ae.join("\n")}\n`, "admissions.csv": `${admissions.join("\n")}\n` };
}

async function evaluateArgs(extra: string[], engine = "stream", parquet = false) {
  const ws = await workspace(extracts());
  let ae = ws.path("ae.csv");
  if (parquet) {
    const converted = await builtCli(["convert", "--in", ae, "--out", ws.path("ae.parquet")]);
    expect(converted.code).toBe(0);
    ae = ws.path("ae.parquet");
  }
  return [
    "evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ae, "--admissions", ws.path("admissions.csv"),
    "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--engine", engine, "--format", "json", ...extra,
  ];
}

describe("stream engine: each activity extract is read in a worker thread, with the answers and problems of the main thread", () => {
  it("reads every activity extract in a worker thread once built", async () => {
    const run = await builtCli(await evaluateArgs(["--skip-invalid", "--max-invalid", "50%"]), { PREPOST_DEBUG_ENGINE: "1" });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("prepost: ae read in a worker thread");
    expect(run.stderr).toContain("prepost: admissions read in a worker thread");
  });

  it("reads an extract under 16 MB in the main thread, where a worker would cost more than it saves", async () => {
    const run = await builtCli(await evaluateArgs(["--skip-invalid", "--max-invalid", "50%"]), { PREPOST_DEBUG_ENGINE: "1", PREPOST_WORKER_MIN_BYTES: "" });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("prepost: ae read in the main thread");
    expect(run.stderr).toContain("prepost: admissions read in the main thread");
  });

  // The DuckDB engine hands an extract with invalid rows to the same reader in a worker thread.
  it.each(["stream", "duckdb"])("gives the same JSON under --skip-invalid: counts, statistics and the account of every skipped row (--engine %s)", async (engine) => {
    const args = await evaluateArgs(["--skip-invalid", "--max-invalid", "50%"], engine);
    const [inWorker, inMain] = [await builtCli(args), await runCli(args)];
    expect(inMain.code).toBe(0);
    const result = JSON.parse(inMain.stdout);
    expect(result.rows.skipped.map((s: { extract: string; rows: number }) => [s.extract, s.rows])).toEqual([["ae", 15], ["admissions", 10]]);
    expect(inWorker.stdout).toBe(inMain.stdout);
  });

  it("reads a Parquet extract in the main thread (DuckDB reads it, not csv-parse), with the same JSON", async () => {
    const args = await evaluateArgs(["--skip-invalid", "--max-invalid", "50%"], "stream", true);
    const [built, inProcess] = [await builtCli(args, { PREPOST_DEBUG_ENGINE: "1" }), await runCli(args)];
    expect(built.stderr).toContain("prepost: ae read in the main thread");
    expect(built.stderr).toContain("prepost: admissions read in a worker thread");
    expect(inProcess.code).toBe(0);
    expect(JSON.parse(inProcess.stdout).rows.accounts.ae_attendances).toMatchObject({ read: 30, skipped: 15 });
    expect(built.stdout).toBe(inProcess.stdout);
  });

  it.each(["stream", "duckdb"])("reports the same problems, the first 20 of both extracts in order, and the total (--engine %s)", async (engine) => {
    const args = await evaluateArgs([], engine);
    const [inWorker, inMain] = [await builtCli(args), await runCli(args)];
    expect(inMain.code).toBe(2);
    expect(inMain.stderr).toContain("25 problems");
    expect(inMain.stderr).toMatch(/admissions\.csv:2: patient_id/);
    expect(inWorker.code).toBe(2);
    expect(inWorker.stderr).toBe(inMain.stderr);
    expect(inWorker.stdout).toBe("");
  });
});
