import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csv, workspace, runBuiltCli } from "../helpers.js";

/**
 * Paths in outputs and messages as the user gave them. A flag's path is shown as typed. A config
 * file's path is shown as written in it where the config file is in the current folder or the path
 * is absolute; else joined to the config file's folder as --config gave it, so that it opens from
 * where prepost ran and is never made absolute by prepost. Run through the built CLI, each in its own
 * current folder (a test cannot change the folder of the worker it runs in).
 */
const prepost = runBuiltCli;


const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
`;
const ae = csv`
  patient_id,arrival_date
  p1,2021-05-01
`;
const covered = ["--data-start", "2020-01-01", "--data-end", "2022-12-31", "--bootstrap", "0", "--format", "json"];

/** A folder with `study/` (the config and referrals) and `shared/` (the A&E extract) in it. */
async function studyFolders(config: Record<string, unknown>, referralsText = referrals) {
  const ws = await workspace({});
  await mkdir(ws.path("study"));
  await mkdir(ws.path("shared"));
  await writeFile(ws.path("study/referrals.csv"), referralsText);
  await writeFile(ws.path("shared/ae.csv"), ae);
  await writeFile(ws.path("study/evaluation.json"), JSON.stringify(config));
  return ws;
}

/** The extracts' names in `inputs` (beside them, how each was read). */
const inputs = (stdout: string) => {
  const { columns: _columns, formats: _formats, ...files } = JSON.parse(stdout).inputs;
  return files;
};

describe("extract paths in outputs and messages, as the user gave them", () => {
  it("shows a config file's paths as written there, when the config file is in the current folder", async () => {
    const ws = await studyFolders({ referrals: "./referrals.csv", ae: "../shared/ae.csv" });
    const run = await prepost(["evaluate", "--config", "evaluation.json", ...covered], ws.path("study"));
    expect(run.stderr).toBe("");
    expect(inputs(run.stdout)).toEqual({ referrals: "./referrals.csv", ae: "../shared/ae.csv" });
  });

  it("joins them to the config file's folder as --config gave it, when the config file is elsewhere", async () => {
    const ws = await studyFolders({ referrals: "referrals.csv", ae: "../shared/ae.csv" });
    const run = await prepost(["evaluate", "--config", "study/evaluation.json", ...covered], ws.dir);
    expect(run.stderr).toBe("");
    expect(inputs(run.stdout)).toEqual({ referrals: join("study", "referrals.csv"), ae: join("shared", "ae.csv") });
  });

  it("keeps an absolute path absolute, and makes none absolute that the user did not write so", async () => {
    const ws = await studyFolders({});
    const absolute = ws.path("shared/ae.csv");
    await writeFile(ws.path("study/evaluation.json"), JSON.stringify({ referrals: "referrals.csv", ae: absolute }));
    const relative = await prepost(["evaluate", "--config", "study/evaluation.json", ...covered], ws.dir);
    expect(inputs(relative.stdout)).toEqual({ referrals: join("study", "referrals.csv"), ae: absolute });
    // --config written absolute: the paths it leads to are absolute too, as the user wrote the way to them.
    const fromAbsolute = await prepost(["evaluate", "--config", ws.path("study/evaluation.json"), ...covered], ws.path("shared"));
    expect(inputs(fromAbsolute.stdout)).toEqual({ referrals: ws.path("study/referrals.csv"), ae: absolute });
  });

  it("shows a flag's path as typed, over the config file's", async () => {
    const ws = await studyFolders({ referrals: "referrals.csv", ae: "../shared/ae.csv" });
    const run = await prepost(["evaluate", "--config", "study/evaluation.json", "--ae", "./shared/../shared/ae.csv", ...covered], ws.dir);
    expect(inputs(run.stdout)).toEqual({ referrals: join("study", "referrals.csv"), ae: "./shared/../shared/ae.csv" });
  });

  it("names the file in a message and in the table by the same path", async () => {
    const bad = "patient_id,cohort,intervention_date\np1,A,2021-06-15\np2,Carers, West,2021-06-15\n";
    const ws = await studyFolders({ referrals: "referrals.csv", ae: "../shared/ae.csv" }, bad);
    const run = await prepost(["evaluate", "--config", "study/evaluation.json", ...covered], ws.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`prepost: ${join("study", "referrals.csv")}:3: the row has 4 fields but the header has 3`);
    await writeFile(ws.path("study/referrals.csv"), referrals);
    const table = await prepost(["evaluate", "--config", "study/evaluation.json", "--data-start", "2020-01-01", "--data-end", "2022-12-31", "--bootstrap", "0"], ws.dir);
    expect(table.stdout).toMatch(/^A&E attendances: rows read \(shared\/ae\.csv\)\s+1$/m);
    expect(table.stdout).toMatch(/^Referrals extract\s+study\/referrals\.csv$/m);
  });
});
