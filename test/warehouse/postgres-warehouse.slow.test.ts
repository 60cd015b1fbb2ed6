import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selftestScript } from "../../src/warehouse/selftest.js";
import { selftestRows } from "./selftest-rows.js";
import { type PostgresServer, loadTablesSql, postgresBin, startPostgres } from "./postgres-server.js";
import { expectLocalAnswer, scriptOf, warehouseCase } from "./warehouse-case.js";

const RUNS = Number(process.env.PREPOST_WAREHOUSE_RUNS ?? 40);
const bin = postgresBin();

// Never a silent pass: without the server binaries the suite says why it is skipped.
describe.skipIf(!bin)(`the PostgreSQL script, run by a PostgreSQL server of the test's own${bin ? "" : " (skipped: no /usr/lib/postgresql/*/bin; apt-get install postgresql)"}`, () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres(bin!);
  }, 120_000);
  afterAll(async () => server?.stop());

  it("passes every check of the self-test", async () => {
    const rows = selftestRows(await server.psql(selftestScript("postgres")));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((row) => row.result !== "PASS")).toEqual([]);
  });

  it(`gives the local run's answer on ${RUNS} random evaluations`, async () => {
    let compared = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const c = await warehouseCase(seed);
      if (!c) continue;
      const result = await server.psql(loadTablesSql(`case_${seed}`, c.tables) + (await scriptOf(c, "postgres")));
      if (await expectLocalAnswer(c, result)) compared++;
    }
    expect(compared).toBeGreaterThan(RUNS / 3);
  }, 600_000);
});
