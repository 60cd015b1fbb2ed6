import { describe, expect, it } from "vitest";
import { runCli, workspace } from "../helpers.js";

/** A run of one cohort with `patients` referred patients, each with one A&E attendance before. */
async function suppressedRun(patients: number, format: string) {
  const ids = Array.from({ length: patients }, (_, i) => `p${i + 1}`);
  const ws = await workspace({
    "referrals.csv": `patient_id,cohort,intervention_date\n${ids.map((id) => `${id},A,2021-06-15`).join("\n")}\n`,
    "ae.csv": `patient_id,arrival_date\n${ids.map((id) => `${id},2021-05-01`).join("\n")}\n`,
  });
  const run = await runCli([
    "evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--data-start", "2020-01-01", "--data-end", "2022-12-31",
    "--bootstrap", "0", "--suppress", "--format", format,
  ]);
  expect(run.code).toBe(0);
  return run.stdout.split(ws.dir).join("WORKSPACE");
}

describe("under --suppress, no text tells a suppressed count by its wording", () => {
  it.each(["table", "markdown", "csv", "json", "html"])("1, 2 and 7 patients give the same %s", async (format) => {
    const one = await suppressedRun(1, format);
    expect(await suppressedRun(2, format)).toBe(one);
    expect(await suppressedRun(7, format)).toBe(one);
    expect(one).not.toMatch(/Only \* patient\b|\* patient\b|\* event\b/);
  });
});
