import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, workspace } from "../helpers.js";

const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\n";
/** `n` A&E attendances of p1 before the index date. */
const aeRows = (n: number) => `patient_id,arrival_date\n${Array.from({ length: n }, (_, i) => `p1,2021-05-0${i + 1}\n`).join("")}`;

/** The file named holds one attendance; every decoy a glob pattern could match holds more. */
const DECOYS = ["ae 2.csv", "aev.csv", "ae1.csv", "ae2.csv", "aeX.csv", "ae.csv", "ae12.csv", "dir1/ae.csv", "dir/aeX.csv"];

async function folderWith(named: string) {
  const ws = await workspace({ "referrals.csv": referrals });
  for (const [i, decoy] of DECOYS.entries()) {
    await mkdir(dirname(ws.path(decoy)), { recursive: true });
    await writeFile(ws.path(decoy), aeRows(2 + (i % 3)));
  }
  await mkdir(dirname(ws.path(named)), { recursive: true });
  await writeFile(ws.path(named), aeRows(1));
  return ws;
}

async function preCount(ws: { path(name: string): string }, ae: string, engine: string): Promise<number> {
  const run = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path(ae), "--engine", engine, "--format", "json", "--bootstrap", "0", "--data-start", "2020-01-01", "--data-end", "2022-12-31"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).outcomes[0].total.pre;
}

describe("DuckDB reads exactly the file named, never a glob pattern's matches", () => {
  for (const named of ["ae [v2].csv", "ae*.csv", "ae?.csv", "ae{1,2}.csv", "ae[12].csv", "ae].csv", "dir[1]/ae.csv", "d*r/ae?.csv"]) {
    it(`reads "${named}" alone, beside files its pattern would match, as the stream engine does`, async () => {
      const ws = await folderWith(named);
      expect(await preCount(ws, named, "stream")).toBe(1);
      expect(await preCount(ws, named, "duckdb")).toBe(1);
    });
  }

  it("reads a Parquet file whose name is a pattern alone, on both engines, and converts to and from such names", async () => {
    const ws = await folderWith("ae [v2].csv");
    for (const [csvName, parquetName] of [["ae [v2].csv", "ae [v2].parquet"], ["ae 2.csv", "ae 2.parquet"], ["ae1.csv", "ae*.parquet"]] as const) {
      const converted = await runCli(["convert", "--in", ws.path(csvName), "--out", ws.path(parquetName)]);
      expect(converted.stderr).toBe("");
      expect(converted.code).toBe(0);
    }
    // `ae1.csv` (a decoy, 4 rows) was written as `ae*.parquet`: converting it counted its own rows only.
    expect(await preCount(ws, "ae [v2].parquet", "duckdb")).toBe(1);
    expect(await preCount(ws, "ae [v2].parquet", "stream")).toBe(1);
    expect(await preCount(ws, "ae*.parquet", "duckdb")).toBe(4);
  });

  it("hands a CSV file DuckDB cannot name (a backslash and a glob character) to the stream reader, and refuses such a Parquet file", async () => {
    const ws = await folderWith("a\\e[1].csv");
    expect(await preCount(ws, "a\\e[1].csv", "duckdb")).toBe(1);
    await writeFile(ws.path("a\\e[1].parquet"), "");
    const run = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("a\\e[1].parquet"), "--engine", "duckdb", "--bootstrap", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("its path has a backslash and one of * ? [; rename it");
    const converted = await runCli(["convert", "--in", ws.path("ae1.csv"), "--out", ws.path("o\\ut[1].parquet")]);
    expect(converted.code).toBe(2);
    expect(converted.stderr).toContain("its path has a backslash and one of * ? [; rename it");
    expect(existsSync(ws.path("o\\ut[1].parquet"))).toBe(false);
  });
});
