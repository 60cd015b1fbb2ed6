import { describe, expect, it } from "vitest";
import { csv, runBuiltCli, runCli, workspace } from "../helpers.js";

const CONFIG = new URL("../../fixtures/west-kent/evaluation.json", import.meta.url).pathname;

/** The built CLI (`npm test` builds first), where a month series may be drawn on a worker thread. */
async function builtCli(args: string[], env: Record<string, string>) {
  const run = await runBuiltCli(args, process.cwd(), env);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

describe("month series on a worker thread (month-series-thread.ts)", () => {
  // The West Kent example has five outcomes and a comparison group: ten series, each on its own stream.
  const args = ["evaluate", "--config", CONFIG, "--format", "json"];

  it("gives the JSON of the series drawn in the main thread, byte for byte, for the referred patients and the comparison group", async () => {
    const onWorker = await builtCli(args, { PREPOST_MONTHS_WORKER_MIN: "0", PREPOST_DEBUG_ENGINE: "1" });
    expect(onWorker.stderr).toContain("prepost: referred months drawn on a worker thread");
    expect(onWorker.stderr).toContain("prepost: comparison months drawn on a worker thread");
    // From the TypeScript sources there is no worker script: every series is drawn in this thread.
    const inMain = await runCli(args);
    expect(inMain.code).toBe(0);
    expect(JSON.parse(inMain.stdout).outcomes.every((o: { months?: { comparison?: unknown } }) => o.months?.comparison !== undefined)).toBe(true);
    expect(onWorker.stdout).toBe(inMain.stdout);
  });

  it("draws the West Kent example's series on the worker by default: each is worth its start-up", async () => {
    const byDefault = await builtCli(args, { PREPOST_MONTHS_WORKER_MIN: "", PREPOST_DEBUG_ENGINE: "1" });
    expect(byDefault.stderr).toContain("prepost: referred months drawn on a worker thread");
  });

  it("draws a small series in the main thread, where a worker's start-up would cost more than it saves", async () => {
    // Three patients, one cohort: 2,000 replicates of 13 months of one or two counts each.
    const ws = await workspace({
      "referrals.csv": csv`
        patient_id,cohort,intervention_date
        p1,A,2021-06-15
        p2,A,2021-07-01
        p3,A,2021-08-20
      `,
      "ae.csv": csv`
        patient_id,arrival_date
        p1,2021-03-01
        p2,2021-09-01
        p3,2021-05-05
      `,
    });
    const small = ["evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--format", "json"];
    const run = await builtCli(small, { PREPOST_MONTHS_WORKER_MIN: "", PREPOST_DEBUG_ENGINE: "1" });
    expect(JSON.parse(run.stdout).outcomes[0].months.referred.patients).toBe(3);
    expect(run.stderr).not.toContain("drawn on a worker thread");
  });
});
