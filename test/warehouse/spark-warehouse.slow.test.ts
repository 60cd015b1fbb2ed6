import { writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { selftestScript } from "../../src/warehouse/selftest.js";
import { harness, missing } from "./python-harness.js";
import { selftestRows } from "./selftest-rows.js";
import { expectLocalAnswer, scriptOf, type WarehouseCase, warehouseCase } from "./warehouse-case.js";
import { workspace } from "../helpers.js";

// Each case takes Spark half a minute (a table per step): a few cases, on top of the DuckDB and PostgreSQL runs of the same script text.
const RUNS = Number(process.env.PREPOST_SPARK_RUNS ?? 8);
const why = await missing("pyspark");

// Never a silent pass: where pyspark is not there, or Spark cannot start, the suite says so.
describe.skipIf(why !== undefined)(`the Spark script, run by local Spark (pyspark)${why ? ` (skipped: ${why})` : ""}`, () => {
  const cases: { c: WarehouseCase; out: string }[] = [];
  let lines: string[] = [];
  let code = 0;
  let selftestOut = "";
  beforeAll(async () => {
    const ws = await workspace({});
    const job = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const c = await warehouseCase(seed);
      if (!c) continue;
      const out = join(ws.dir, `result-${seed}.csv`);
      cases.push({ c, out });
      job.push({ label: c.label, tables: c.tables, script: await scriptOf(c, "spark"), out });
    }
    job.push({ label: "selftest", tables: [], script: selftestScript("spark"), out: ws.path("selftest.csv") });
    selftestOut = ws.path("selftest.csv");
    await writeFile(ws.path("job.json"), JSON.stringify({ cases: job }));
    // One Spark for every case: it takes a quarter of a minute to start.
    ({ code, lines } = await harness(["spark", ws.path("job.json")]));
  }, 600_000);

  it("passes every check of the self-test", () => {
    expect(code, `Spark could not start here: ${lines.join("\n")}`).not.toBe(3);
    const rows = selftestRows(readFileSync(selftestOut, "utf8"));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((row) => row.result !== "PASS")).toEqual([]);
  });

  it(`gives the local run's answer on ${RUNS} random evaluations`, async () => {
    expect(code, `Spark could not start here: ${lines.join("\n")}`).not.toBe(3);
    expect(lines.filter((line) => line.startsWith("error"))).toEqual([]);
    let compared = 0;
    for (const { c, out } of cases) {
      const result = readFileSync(out, "utf8");
      if (await expectLocalAnswer(c, result)) compared++;
    }
    expect(compared).toBeGreaterThan(RUNS / 3);
  });
});
