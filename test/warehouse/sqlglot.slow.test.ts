import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { selftestScript } from "../../src/warehouse/selftest.js";
import { workspace } from "../helpers.js";
import { harness, missing } from "./python-harness.js";
import { scriptOf, warehouseCase } from "./warehouse-case.js";

const why = await missing("sqlglot");

/** No SQL Server runs here: sqlglot's T-SQL parser reads every statement of the scripts, raising on any error. */
describe.skipIf(why !== undefined)(`the T-SQL scripts parse as T-SQL (sqlglot)${why ? ` (skipped: ${why})` : ""}`, () => {
  it("the golden script, the self-test and the scripts of a few random cases", async () => {
    const ws = await workspace({ "selftest.tsql.sql": selftestScript("tsql") });
    const files = ["test/warehouse/golden/warehouse.tsql.sql", ws.path("selftest.tsql.sql")];
    for (let seed = 1; seed <= 10; seed++) {
      const c = await warehouseCase(seed);
      if (!c) continue;
      const path = ws.path(`case-${seed}.tsql.sql`);
      await writeFile(path, await scriptOf(c, "tsql"));
      files.push(path);
    }
    const { code, lines } = await harness(["parse-tsql", ...files]);
    expect(lines.filter((line) => !line.startsWith("ok")), lines.join("\n")).toEqual([]);
    expect(code).toBe(0);
  });
});
