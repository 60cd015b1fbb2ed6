import { describe, expect, it } from "vitest";
import { evaluateOnBothEngines, runCli, workspace } from "../helpers.js";

/**
 * A field of more than 1 MB (FIELD_LIMIT, in UTF-8 bytes) in a column the run reads makes its row
 * invalid, with its length and never its value; a record of more than 64 MB stops the file. Both
 * engines: DuckDB drops a last line of over 32 MiB without a word, so a file with a line of more
 * than 1 MB is the row reader's (docs/scale.md).
 */
const MB = 2 ** 20;
const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\n";
const flags = { dataStart: "2020-01-01", dataEnd: "2022-12-31" };
const big = (bytes: number) => "x".repeat(bytes);

async function both(ae: string, extra: Record<string, unknown> = {}) {
  const run = await evaluateOnBothEngines({ referrals, ae }, { ...flags, ...extra });
  expect(run.duckdb).toBe(run.stream);
  return run.stream.replace(/^\/\S*\/ae\.csv:/m, "ae.csv:");
}

const pre = (outcome: string) => JSON.parse(outcome).outcomes[0].total.pre;

describe("a long field in a column not read: the row is read, on both engines", () => {
  const header = "patient_id,arrival_date,note\n";
  it.each([
    ["the last line (40 MB)", `${header}p1,2021-05-01,a\np1,2021-05-02,${big(40 * MB)}\n`, 2],
    ["the last line, with no line end (33 MB)", `${header}p1,2021-05-01,a\np1,2021-05-02,${big(33 * MB)}`, 2],
    ["a line in the middle (2 MB)", `${header}p1,2021-05-01,a\np1,2021-05-02,${big(2 * MB)}\np1,2021-05-03,b\n`, 3],
    ["the first row (2 MB)", `${header}p1,2021-05-02,${big(2 * MB)}\np1,2021-05-01,a\n`, 2],
    ["a quoted field of 4 MB over many lines", `${header}p1,2021-05-01,a\np1,2021-05-02,"${`${big(99)}\n`.repeat(40 * 1024)}"\n`, 2],
  ])("in %s", async (_where, ae, rows) => {
    expect(pre(await both(ae))).toBe(rows);
  });
});

describe("a field longer than 1 MB in a column read is an invalid row, its length said, its value never shown", () => {
  it("stops the run at a 3 MB date, on both engines", async () => {
    const outcome = await both(`patient_id,arrival_date\np1,2021-05-01\np1,2021-05-02${big(3 * MB)}\np1,2021-05-03\n`);
    expect(outcome).toBe("exit 2\nae.csv:3: arrival_date: field is 3.0 MB long: longer than the 1 MB a field may be");
  });

  it("skips it under --skip-invalid, alike", async () => {
    expect(pre(await both(`patient_id,arrival_date\np1,2021-05-01\np1,2021-05-02${big(2 * MB)}\np1,2021-05-03\n`, { skipInvalid: true }))).toBe(2);
  });

  it("counts a quoted patient identifier of 1.5 MB over many lines invalid on both engines", async () => {
    const outcome = await both(`patient_id,arrival_date\np1,2021-05-01\n"p1${`${big(99)}\n`.repeat(15 * 1024)}",2021-05-02\n`);
    expect(outcome).toBe("exit 2\nae.csv:3: patient_id: field is 1.5 MB long: longer than the 1 MB a field may be");
  });

  it("takes 1 MB exactly, counted in UTF-8 bytes (é is two)", async () => {
    const at = (id: string) => `patient_id,arrival_date\np1,2021-05-01\n${id},2021-05-02\n`;
    // Someone else: not a subject, not invalid.
    expect(pre(await both(at("é".repeat(MB / 2))))).toBe(1);
    expect(await both(at(`${"é".repeat(MB / 2)}x`))).toBe("exit 2\nae.csv:3: patient_id: field is 1.0 MB long: longer than the 1 MB a field may be");
  });

  it("prints a short message on the command line for a 5 MB field", async () => {
    const ws = await workspace({ "referrals.csv": referrals, "ae.csv": `patient_id,arrival_date\np1,${big(5 * MB)}\n` });
    for (const engine of ["stream", "duckdb"]) {
      const run = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--engine", engine, "--bootstrap", "0"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`prepost: ${ws.path("ae.csv")}:2: arrival_date: field is 5.0 MB long: longer than the 1 MB a field may be\n`);
    }
  });

  it("reports a Parquet value of 2 MB alike on both engines", async () => {
    const ws = await workspace({ "referrals.csv": referrals });
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const out = ws.path("ae.parquet").replaceAll("'", "''");
    await connection.run(`COPY (SELECT * FROM (VALUES ('p1', '2021-05-01'), (repeat('x', ${2 * MB}), '2021-05-02')) AS t(patient_id, arrival_date)) TO '${out}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const runs = await Promise.all(
      ["stream", "duckdb"].map((engine) => runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.parquet"), "--engine", engine, "--bootstrap", "0"])),
    );
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`prepost: ${ws.path("ae.parquet")}:3: patient_id: field is 2.0 MB long: longer than the 1 MB a field may be\n`);
    }
  });
});

describe("a row of more than 64 MB stops the file, on both engines", () => {
  it("reports its line", async () => {
    const outcome = await both(`patient_id,arrival_date,note\np1,2021-05-01,a\np1,2021-05-02,${big(70 * MB)}\n`, { skipInvalid: true });
    expect(outcome).toBe("exit 2\nae.csv:3: a row is longer than the 64 MB a row may be: the file is not read on");
  });
});

describe("prepost convert refuses a line DuckDB cannot be trusted to read", () => {
  it("refuses a 40 MB last line rather than drop it", async () => {
    const ws = await workspace({ "ae.csv": `patient_id,arrival_date,note\np1,2021-05-01,a\np1,2021-05-02,${big(40 * MB)}\n` });
    const run = await runCli(["convert", "--in", ws.path("ae.csv"), "--out", ws.path("ae.parquet")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`prepost: ${ws.path("ae.csv")}: a line is longer than the 1 MB a field may be: DuckDB cannot be trusted to read it; evaluate the CSV itself\n`);
  });

  it("refuses a quoted field of 4 MB over many lines with DuckDB's reason", async () => {
    const ws = await workspace({ "ae.csv": `patient_id,arrival_date,note\np1,2021-05-01,"${`${big(99)}\n`.repeat(40 * 1024)}"\n` });
    const run = await runCli(["convert", "--in", ws.path("ae.csv"), "--out", ws.path("ae.parquet")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^prepost: .*ae\.csv: cannot convert: /);
  });
});
