import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { workspace, runBuiltCli } from "../helpers.js";

const prepost = runBuiltCli;
const execFileAsync = promisify(execFile);
const CLI = new URL("../../dist/prepost.js", import.meta.url).pathname;


describe("prepost evaluate, end to end", () => {
  it("runs the small example from its config and prints the tables", async () => {
    const ws = await workspace({});
    const config = new URL("../../fixtures/small/evaluation.json", import.meta.url).pathname;
    const run = await prepost(["evaluate", "--config", config], ws.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("A&E attendances: 6 calendar months before and after the first intervention");
    expect(run.stdout).toMatch(/Total\s+4\s+6\s+4\s+1\.50\s+1\.00\s+-33\.33%/);
  });

  it("lets flags override the config file, and writes JSON to --out", async () => {
    const ws = await workspace({});
    const config = new URL("../../fixtures/small/evaluation.json", import.meta.url).pathname;
    const run = await prepost(["evaluate", "--config", config, "--no-require-consent", "--format", "json", "--out", "out.json"], ws.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const result = JSON.parse(await readFile(ws.path("out.json"), "utf8"));
    expect(result.settings.requireConsent).toBe(false);
    expect(result.attrition[2]).toEqual({ reason: "no_consent", excluded: 0, remaining: 7 });
  });

  it("exits 2 on bad input, leaving --out untouched and printing no stack", async () => {
    const ws = await workspace({ "r.csv": "patient_id,cohort,intervention_date\np1,A,2021-02-30\n", "a.csv": "patient_id,arrival_date\n" });
    await writeFile(ws.path("out.txt"), "keep me");
    const run = await prepost(["evaluate", "--referrals", "r.csv", "--ae", "a.csv", "--out", "out.txt"], ws.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("r.csv:2: intervention_date:");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(ws.path("out.txt"), "utf8")).toBe("keep me");
  });

  it("answers --version and --help", async () => {
    const ws = await workspace({});
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    expect((await prepost(["--version"], ws.dir)).stdout.trim()).toBe(pkg.version);
    const help = await prepost(["evaluate", "--help"], ws.dir);
    expect(help.code).toBe(0);
    for (const flag of ["--from", "--to", "--data-start", "--data-end", "--window", "--index-day", "--require-consent", "--min-onward-referrals", "--min-age", "--date-format", "--skip-invalid", "--max-invalid", "--config", "--format", "--out", "--suppress", "--unit-cost", "--cost-source", "--quiet"]) {
      expect(help.stdout).toContain(flag);
    }
  });

  it("exits quietly when its reader closes the pipe early", async () => {
    const ws = await workspace({});
    const config = new URL("../../fixtures/small/evaluation.json", import.meta.url).pathname;
    const { stderr } = await execFileAsync("bash", ["-c", `set -o pipefail; node ${CLI} evaluate --config ${config} | head -1`], { cwd: ws.dir });
    expect(stderr).toBe("");
  });
});
