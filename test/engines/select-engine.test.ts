import { truncate } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { chooseEngine, DUCKDB_FROM_BYTES } from "../../src/engines/select-engine.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderTable } from "../../src/render/table.js";
import { covered, workspace } from "../helpers.js";

const referrals = "patient_id,cohort,intervention_date\np1,A,2021-06-15\n";
const ae = "patient_id,arrival_date\np1,2021-05-01\n";

async function runIn(files: Record<string, string>, engine?: "stream" | "duckdb" | "auto") {
  const ws = await workspace(files);
  const paths = Object.fromEntries(Object.keys(files).map((name) => [name.replace(/\.(csv|parquet)$/, ""), ws.path(name)]));
  return { ws, run: await resolveRun({ bootstrap: 0, ...covered, ...paths, ...(engine ? { engine } : {}) }) };
}

describe("--engine auto: DuckDB for Parquet or an activity extract over 64 MB", () => {
  it("takes the stream engine for small CSV extracts", async () => {
    const { run } = await runIn({ "referrals.csv": referrals, "ae.csv": ae });
    expect(await chooseEngine(run)).toBe("stream");
  });

  it("takes DuckDB once an activity extract is over 64 MB", async () => {
    const { ws, run } = await runIn({ "referrals.csv": referrals, "ae.csv": ae });
    await truncate(ws.path("ae.csv"), DUCKDB_FROM_BYTES + 1); // sparse: only its size matters here
    expect(await chooseEngine(run)).toBe("duckdb");
  });

  it("takes DuckDB for Parquet input, and what it is told otherwise", async () => {
    expect(await chooseEngine((await runIn({ "referrals.csv": referrals, "ae.parquet": "" })).run)).toBe("duckdb");
    expect(await chooseEngine((await runIn({ "referrals.csv": referrals, "ae.csv": ae }, "duckdb")).run)).toBe("duckdb");
  });

  it("records the engine in the settings and the table's assumptions", async () => {
    const result = await evaluateCounts((await runIn({ "referrals.csv": referrals, "ae.csv": ae }, "duckdb")).run);
    expect(result.settings.engine).toBe("duckdb");
    expect(renderTable(result)).toMatch(/^Engine +duckdb: each activity extract counted in one pass of an embedded DuckDB$/m);
  });
});
