import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { csv, runCli, workspace } from "../helpers.js";
import { runInDuckDb } from "../warehouse/duckdb-harness.js";

/** A small evaluation as a warehouse holds it: its tables, and the config naming them. */
async function warehouse(extra: Record<string, unknown> = {}) {
  const config = {
    tables: { referrals: "referrals", ae: "ae" },
    columns: { referrals: { row_order: "row_order", consent: null, onward_referrals: null, age: null }, ae: { attendance_category: null } },
    dataStart: "2020-01-01",
    dataEnd: "2022-12-31",
    bootstrap: 0,
    ...extra,
  };
  const ws = await workspace({ "warehouse.json": JSON.stringify(config) });
  const tables = [
    { name: "referrals", columns: ["patient_id", "cohort", "intervention_date", "row_order"], rows: [["p1", "A", "2021-06-15", 1], ["p2", "A", "2021-07-01", 2]], numeric: ["row_order"] },
    { name: "ae", columns: ["patient_id", "arrival_date"], rows: [["p1", "2021-05-01"], ["p1", "2021-07-01"], ["p2", "2021-08-01"], ["p2", "not a date"]] },
  ];
  return { ws, tables, config: ws.path("warehouse.json") };
}

describe("prepost sql", () => {
  it("prints the script, or writes it whole with --out", async () => {
    const { ws, config } = await warehouse();
    const printed = await runCli(["sql", "--config", config, "--dialect", "tsql"]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^-- prepost .*: the evaluation as tsql SQL/);
    const written = await runCli(["sql", "--config", config, "--dialect", "tsql", "--out", ws.path("evaluation.sql")]);
    expect(written.code).toBe(0);
    expect(await readFile(ws.path("evaluation.sql"), "utf8")).toBe(printed.stdout);
  });

  it("never writes the script over its config, however spelled", async () => {
    const { ws, config } = await warehouse();
    const before = await readFile(config, "utf8");
    for (const out of [config, `${ws.dir}/./warehouse.json`]) {
      const run = await runCli(["sql", "--config", config, "--dialect", "duckdb", "--out", out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is the config file.*prepost never writes over an input/);
    }
    expect(await readFile(config, "utf8")).toBe(before);
  });

  it("refuses a config naming an extract's file with no table for it, rather than leave the extract out", async () => {
    const { config } = await warehouse({ admissions: "admissions.csv" });
    const run = await runCli(["sql", "--config", config, "--dialect", "duckdb"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/admissions: names a file \(admissions\.csv\), but the warehouse reads tables: give "tables": \{ "admissions": "schema\.table" \}/);
  });

  it("refuses without a config (unless --selftest), and an unknown dialect", async () => {
    expect((await runCli(["sql", "--dialect", "duckdb"])).stderr).toMatch(/give --config FILE/);
    expect((await runCli(["sql", "--dialect", "oracle", "--selftest"])).code).toBe(2);
    expect((await runCli(["sql", "--dialect", "spark", "--selftest"])).stdout).toMatch(/self-test/);
  });

  it("refuses a config whose outcomes it cannot render (a cost column), never dropping them silently", async () => {
    const { config } = await warehouse({ costColumns: { ae: "Tariff" } });
    const run = await runCli(["sql", "--config", config, "--dialect", "duckdb"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/costColumns\.ae_attendances: costs from a column \(Tariff\) are not counted by the warehouse script/);
  });
});

/** The warehouse's result of the DuckDB script, as result.csv beside the config. */
async function resultOfWarehouse(extra: Record<string, unknown> = {}) {
  const w = await warehouse(extra);
  const script = await runCli(["sql", "--config", w.config, "--dialect", "duckdb"]);
  await writeFile(w.ws.path("result.csv"), await runInDuckDb(w.tables, script.stdout));
  return { ...w, result: w.ws.path("result.csv") };
}

describe("prepost evaluate --warehouse-result", () => {
  it("stops on invalid values, naming the counts, unless --skip-invalid", async () => {
    const { config, result } = await resultOfWarehouse();
    const stopped = await runCli(["evaluate", "--config", config, "--warehouse-result", result, "--format", "json"]);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/ae: 1 of 4 rows are invalid \(arrival_date: not_a_date 1\); the warehouse cannot name their lines/);
    const skipped = await runCli(["evaluate", "--config", config, "--warehouse-result", result, "--format", "json", "--skip-invalid", "--max-invalid", "50%"]);
    expect(skipped.code).toBe(0);
    const json = JSON.parse(skipped.stdout);
    expect(json.settings.engine).toBe("warehouse");
    expect(json.rows.skipped).toEqual([{ file: "ae", extract: "ae", column: "arrival_date", reason: "is not a day that exists, written as the column's dates are", rows: 1, lines: [] }]);
    expect(json.outcomes[0].total).toMatchObject({ patients: 2, pre: 1, post: 2 });
  });

  it("with --skip-invalid, still stops where an extract has more invalid rows than the limit", async () => {
    const { config, result } = await resultOfWarehouse({ skipInvalid: true });
    const run = await runCli(["evaluate", "--config", config, "--warehouse-result", result, "--max-invalid", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/too many to skip \(--max-invalid 0/);
  });

  it("refuses a result made by a script of other settings", async () => {
    const { ws, config, result } = await resultOfWarehouse({ skipInvalid: true });
    const changed = { ...JSON.parse(await readFile(config, "utf8")), window: "3m" };
    await writeFile(ws.path("changed.json"), JSON.stringify(changed));
    const run = await runCli(["evaluate", "--config", ws.path("changed.json"), "--warehouse-result", result]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/was made by the script of plan [0-9a-f]{16}, but this config \(and prepost version\) gives plan [0-9a-f]{16}/);
  });

  it("refuses a result that lost a row on the way out, rather than figures short of its patients", async () => {
    const { ws, config, result } = await resultOfWarehouse({ skipInvalid: true });
    const lines = (await readFile(result, "utf8")).split("\n");
    const evaluated = await runCli(["evaluate", "--config", config, "--warehouse-result", result, "--format", "json"]);
    expect(evaluated.code).toBe(0);
    for (const section of ["pairs", "months"]) {
      const lost = lines.findIndex((line) => line.startsWith(`${section},`));
      // The prior rows go too, so that it is the pairs' own total that is found short; and every
      // month's rows, so that the months still agree with each other but not with the pairs.
      const kept = lines.filter((line, i) => i !== lost && !(section === "pairs" && line.startsWith("prior,")) && !(section === "months" && line.startsWith("months,")));
      await writeFile(ws.path(`lost-${section}.csv`), kept.join("\n"));
      const run = await runCli(["evaluate", "--config", config, "--warehouse-result", ws.path(`lost-${section}.csv`), "--format", "json"]);
      expect(run.code, section).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`its ${section} rows for ae_attendances\\b.*hold \\d+ patient\\(s\\).*the result is not one run's of the script`));
    }
  });

  it("reads the long form strictly: file:line: column: what", async () => {
    const { ws, config, result } = await resultOfWarehouse({ skipInvalid: true });
    const lines = (await readFile(result, "utf8")).split("\n");
    lines[2] = lines[2]!.replace(/,(\d+)$/, ",two");
    await writeFile(ws.path("bad.csv"), lines.join("\n"));
    const run = await runCli(["evaluate", "--config", config, "--warehouse-result", ws.path("bad.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.csv:3: n: is not a whole number \(0 or more\) \("two"\)/);
    await writeFile(ws.path("no-header.csv"), lines.slice(1).join("\n"));
    const headless = await runCli(["evaluate", "--config", config, "--warehouse-result", ws.path("no-header.csv")]);
    expect(headless.stderr).toMatch(/no-header\.csv:1: is not the long form's header \(section,outcome,cohort,group,a,b,n\)/);
  });

  it("does not read extract flags with a warehouse result", async () => {
    const { config, result } = await resultOfWarehouse({ skipInvalid: true });
    const run = await runCli(["evaluate", "--config", config, "--warehouse-result", result, "--ae", "ae.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--ae: is not read with --warehouse-result/);
  });
});

describe("the warehouse's counts are the local run's", () => {
  it("a local run of the same rows gives the same figures (the table's invalid row skipped in both)", async () => {
    const { ws, config, result } = await resultOfWarehouse();
    await writeFile(ws.path("referrals.csv"), csv`
      patient_id,cohort,intervention_date
      p1,A,2021-06-15
      p2,A,2021-07-01
    `);
    await writeFile(ws.path("ae.csv"), "patient_id,arrival_date\np1,2021-05-01\np1,2021-07-01\np2,2021-08-01\np2,not a date\n");
    const local = await runCli(["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--bootstrap", "0", "--skip-invalid", "--max-invalid", "50%", "--format", "json"]);
    const fromWarehouse = await runCli(["evaluate", "--config", config, "--warehouse-result", result, "--skip-invalid", "--max-invalid", "50%", "--format", "json"]);
    expect(JSON.parse(fromWarehouse.stdout).outcomes).toEqual(JSON.parse(local.stdout).outcomes);
    expect(JSON.parse(fromWarehouse.stdout).attrition).toEqual(JSON.parse(local.stdout).attrition);
  });
});
