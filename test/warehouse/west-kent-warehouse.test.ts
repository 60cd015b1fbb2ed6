import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderJson } from "../../src/render/json.js";
import { evaluateWarehouse } from "../../src/warehouse/evaluate-warehouse.js";
import { readLongForm } from "../../src/warehouse/read-long-form.js";
import { scriptForRun } from "../../src/warehouse/script-for-run.js";
import { workspace } from "../helpers.js";
import { runInDuckDb, tableFromCsv, type WarehouseTable } from "./duckdb-harness.js";
import { comparable } from "./warehouse-case.js";

/**
 * The shipped example end to end, as an analyst would run it where the data lives: the West Kent
 * extracts loaded as tables (the referrals with a row number added on upload), the script of
 * fixtures/west-kent/warehouse.json run over them in DuckDB, and its result fed back. Every figure
 * (five outcomes, the comparison group, the months, the 2,000 replicates' intervals) is the local
 * run's of fixtures/west-kent/evaluation.json.
 */
const FIXTURE = "fixtures/west-kent";
const TABLE_FILES: Record<string, string> = {
  referrals: "referrals.csv",
  ae: "ae.csv",
  admissions: "admissions.csv",
  outpatients: "outpatients.csv",
  comparison: "comparison.csv",
  gp_appointments: "gp-appointments.csv",
};

describe("the West Kent example, in a warehouse", () => {
  it("gives the local run's JSON byte for byte, but for inputs and engine", async () => {
    const config = JSON.parse(await readFile(`${FIXTURE}/warehouse.json`, "utf8")) as { tables: Record<string, string> };
    expect(Object.keys(config.tables).sort()).toEqual(Object.keys(TABLE_FILES).sort());
    const tables: WarehouseTable[] = [];
    for (const [name, file] of Object.entries(TABLE_FILES)) tables.push((await tableFromCsv(name, `${FIXTURE}/${file}`, name === "referrals"))!);
    const run = await resolveRun({ config: `${FIXTURE}/warehouse.json` }, "tables");
    const result = await runInDuckDb(tables, scriptForRun(run, "duckdb", `${FIXTURE}/warehouse.json`));
    const ws = await workspace({ "result.csv": result });
    const warehouse = await evaluateWarehouse(run, await readLongForm(ws.path("result.csv"), "result.csv"), "result.csv");
    const local = await evaluateCounts(await resolveRun({ config: `${FIXTURE}/evaluation.json` }));
    expect(comparable(renderJson(warehouse))).toBe(comparable(renderJson(local)));
  }, 120_000);
});
