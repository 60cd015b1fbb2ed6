import { describe, expect, it } from "vitest";
import { runInDuckDb } from "./duckdb-harness.js";
import { expectLocalAnswer, scriptOf, warehouseCase } from "./warehouse-case.js";

const RUNS = Number(process.env.PREPOST_WAREHOUSE_RUNS ?? 12);
const FIRST_SEED = Number(process.env.PREPOST_WAREHOUSE_SEED ?? 1);

describe("the DuckDB script, run in DuckDB over the property-test extracts as tables, gives the local run's answer", () => {
  it(`agrees on ${RUNS} random evaluations`, async () => {
    let compared = 0;
    for (let seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
      const c = await warehouseCase(seed);
      if (!c) continue;
      const script = await scriptOf(c, "duckdb");
      const result = await runInDuckDb(c.tables, script);
      if (await expectLocalAnswer(c, result)) compared++;
    }
    expect(compared).toBeGreaterThan(RUNS / 3);
  }, 600_000);
});
