import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { DIALECTS } from "../../src/warehouse/dialect.js";
import { scriptForRun } from "../../src/warehouse/script-for-run.js";

/**
 * No SQL Server runs here: the T-SQL script is held to a reviewed golden file, parsed by sqlglot's
 * T-SQL parser in `npm run test:warehouse` (test/warehouse/sqlglot.slow.test.ts), and checked here
 * for what Synapse's dedicated pools refuse. The self-test (`prepost sql --dialect tsql --selftest`)
 * is the user's check, in their own warehouse.
 */
const CONFIG = "test/warehouse/golden/warehouse.json";
const scriptIn = async (dialect: (typeof DIALECTS)[number]) => scriptForRun(await resolveRun({ config: CONFIG }, "tables"), dialect, "warehouse.json");

describe("the T-SQL script keeps to what SQL Server 2017 and Synapse's dedicated pools run", () => {
  it("matches its golden file (reviewed like code)", async () => {
    await expect(await scriptIn("tsql")).toMatchFileSnapshot("golden/warehouse.tsql.sql");
  });

  it("has no DROP TABLE IF EXISTS, IIF, VARCHAR(MAX), GREATEST or LEAST, and adds months only with DATEADD", async () => {
    const script = await scriptIn("tsql");
    expect(script).not.toMatch(/DROP TABLE IF EXISTS/i);
    expect(script).not.toMatch(/\bIIF\s*\(/i);
    expect(script).not.toMatch(/VARCHAR\s*\(\s*MAX\s*\)/i);
    expect(script).not.toMatch(/\b(GREATEST|LEAST)\s*\(/i);
    expect(script).not.toMatch(/DATEDIFF\s*\(\s*month/i);
    expect(script).toMatch(/DATEADD\(month, -6, /);
  });

  it("names every temporary table #pp_… and drops each at the end", async () => {
    const script = await scriptIn("tsql");
    const made = [...script.matchAll(/INTO (#\w+)/g)].map((match) => match[1]);
    expect(made.length).toBeGreaterThan(10);
    for (const table of made) {
      expect(table).toMatch(/^#pp_/);
      expect(script).toContain(`DROP TABLE ${table};`);
    }
  });
});

describe("every dialect adds calendar months with its own clamping function, never DATEDIFF(month)", () => {
  it.each([
    ["duckdb", /INTERVAL \(-6\) MONTH/],
    ["postgres", /INTERVAL '-6 months'/],
    ["spark", /add_months\([^)]*, -6\)/],
  ] as const)("%s", async (dialect, months) => {
    const script = await scriptIn(dialect);
    expect(script).toMatch(months);
    expect(script).not.toMatch(/DATEDIFF\s*\(\s*month/i);
  });
});
