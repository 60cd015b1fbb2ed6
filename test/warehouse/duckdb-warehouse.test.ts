import { describe, expect, it } from "vitest";
import { runInDuckDb } from "./duckdb-harness.js";
import { comparable, fromWarehouse, notAscii, scriptOf, skippedLocally, warehouseCase } from "./warehouse-case.js";

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
      const warehouse = await fromWarehouse(c, result);
      if (notAscii(result)) {
        // A value compared without regard to case that is not ASCII (ß) is not counted either way, but said.
        expect(warehouse, c.label).toMatch(/exit 2[\s\S]*not_ascii|is not ASCII text/);
        continue;
      }
      if (c.local.startsWith("exit 2") || skippedLocally(c.local)) {
        // Invalid rows: the warehouse cannot name their lines, but it must not pass them by.
        if (c.local.startsWith("exit 2")) expect(warehouse.slice(0, 6), c.label).toBe("exit 2");
        continue;
      }
      expect(comparable(warehouse), c.label).toBe(comparable(c.local));
      compared++;
    }
    expect(compared).toBeGreaterThan(RUNS / 3);
  }, 600_000);
});
