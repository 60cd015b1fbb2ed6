import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planOutputs } from "../../src/cli/outputs.js";
import { progressDisplay } from "../../src/cli/progress.js";
import { run } from "../../src/cli/program.js";
import { formatForFile } from "../../src/render/formats.js";
import { workspace } from "../helpers.js";

const SMALL = new URL("../../fixtures/small/evaluation.json", import.meta.url).pathname;

/**
 * Runs the program in-process as the CLI would, with standard error a terminal or not; `--out`
 * and extract names are taken as files in `dir`.
 */
async function prepost(args: string[], dir: string, errIsTerminal = false) {
  let stdout = "";
  let stderr = "";
  const inDir = args.map((arg, i) => (["--out", "--referrals", "--ae"].includes(args[i - 1] ?? "") ? join(dir, arg) : arg));
  const code = await run(inDir, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), errIsTerminal });
  return { code, stdout, stderr };
}

describe("--out: the format from the file's extension", () => {
  it("infers json, csv, attrition csv, markdown, html and the text table", () => {
    expect(formatForFile("r.json")).toBe("json");
    expect(formatForFile("figures.CSV")).toBe("csv");
    expect(formatForFile("flow.attrition.csv")).toBe("attrition-csv");
    expect(formatForFile("report.md")).toBe("markdown");
    expect(formatForFile("report.html")).toBe("html");
    expect(formatForFile("report.htm")).toBe("html");
    expect(formatForFile("report.txt")).toBe("table");
    expect(formatForFile("report.pdf")).toBeUndefined();
  });

  it("lets --format decide for every output when given", () => {
    expect(planOutputs("json", ["a.txt", "b.csv"])).toEqual([
      { format: "json", path: "a.txt" },
      { format: "json", path: "b.csv" },
    ]);
    expect(planOutputs(undefined, [])).toEqual([{ format: "table" }]);
    expect(planOutputs("html", [])).toEqual([{ format: "html" }]);
  });

  it("refuses a file whose format cannot be told, or the same file twice", () => {
    expect(() => planOutputs(undefined, ["report.pdf"])).toThrow(/cannot tell the format of report.pdf/);
    expect(() => planOutputs(undefined, ["a.csv", "a.csv"])).toThrow(/given twice/);
  });
});

describe("prepost evaluate with several --out", () => {
  it("writes every format from one run, and nothing to standard output", async () => {
    const ws = await workspace({});
    const outs = ["r.json", "r.csv", "flow.attrition.csv", "r.md", "r.html", "r.txt"];
    const result = await prepost(["evaluate", "--config", SMALL, "--bootstrap", "0", ...outs.flatMap((out) => ["--out", out])], ws.dir);
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect((await readdir(ws.dir)).sort()).toEqual([...outs].sort());
    expect(JSON.parse(await ws.read("r.json")).outcomes).toHaveLength(2);
    expect(await ws.read("r.csv")).toMatch(/^outcome,outcome_label,cohort,label,patients/);
    expect(await ws.read("flow.attrition.csv")).toMatch(/^group,step,reason,description,excluded,remaining\n/);
    expect(await ws.read("r.md")).toMatch(/^# Acute care/);
    expect(await ws.read("r.html")).toMatch(/^<!DOCTYPE html>/);
    expect(await ws.read("r.txt")).toMatch(/^A&E attendances: 6 calendar months/);
  });

  it("applies --suppress and --unit-cost to every output and records them in the settings", async () => {
    const ws = await workspace({});
    const args = ["--suppress", "--unit-cost", "ae=250", "--unit-cost", "admission=£1843.50", "--cost-source", "example only"];
    const result = await prepost(["evaluate", "--config", SMALL, "--bootstrap", "0", ...args, "--out", "r.json", "--out", "r.csv"], ws.dir);
    expect(result.code).toBe(0);
    const json = JSON.parse(await ws.read("r.json"));
    expect(json.settings).toMatchObject({ suppress: true, unitCosts: { ae: 250, admission: 1843.5 }, costSource: "example only" });
    expect(json.disclosure.rule).toBe("nhs_england_hes_ecds");
    expect(json.outcomes[0].total).toMatchObject({ patients: null, unit_cost: 250, cost_pre: null, suppressed: expect.arrayContaining(["patients", "pre"]) });
    expect(await ws.read("r.csv")).toContain(",*,");
  });

  it("refuses a bad --unit-cost with exit 2", async () => {
    const ws = await workspace({});
    for (const bad of ["ae", "ae=", "ae=-5", "ae=0", "beds=100", "ae=12,000"]) {
      const result = await prepost(["evaluate", "--config", SMALL, "--unit-cost", bad], ws.dir);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/--unit-cost/);
    }
  });

  it("writes nothing, and leaves existing outputs untouched, when the run fails", async () => {
    const ws = await workspace({ "r.csv": "patient_id,cohort,intervention_date\np1,A,2021-02-30\n", "a.csv": "patient_id,arrival_date\n" });
    await writeFile(ws.path("old.json"), "keep me");
    const result = await prepost(["evaluate", "--referrals", "r.csv", "--ae", "a.csv", "--out", "old.json", "--out", "new.html"], ws.dir);
    expect(result.code).toBe(2);
    expect(await ws.read("old.json")).toBe("keep me");
    expect((await readdir(ws.dir)).sort()).toEqual(["a.csv", "old.json", "r.csv"]);
  });

  it("writes none of the outputs when one of them cannot be written", async () => {
    const ws = await workspace({});
    await writeFile(ws.path("old.json"), "keep me");
    const result = await prepost(["evaluate", "--config", SMALL, "--out", "old.json", "--out", join("missing", "r.html")], ws.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/missing\/r\.html: cannot write the output: no such folder/);
    expect(await ws.read("old.json")).toBe("keep me");
    expect(await readdir(ws.dir)).toEqual(["old.json"]);
  });

  it("refuses an --out it cannot tell the format of before reading anything", async () => {
    const ws = await workspace({});
    const result = await prepost(["evaluate", "--config", SMALL, "--out", "report.pdf"], ws.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out: cannot tell the format of \S*report\.pdf/);
  });
});

describe("the progress display", () => {
  it("shows rows read, the rate and the time on a terminal, then clears its line", async () => {
    const ws = await workspace({});
    const result = await prepost(["evaluate", "--config", SMALL, "--bootstrap", "0"], ws.dir, true);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/prepost: reading .*ae\.csv: 15 rows/);
    expect(result.stderr.endsWith("\r\x1b[2K")).toBe(true);
    expect(result.stdout).not.toContain("prepost: reading");
  });

  it("is silent with --quiet, or when standard error is not a terminal", async () => {
    const ws = await workspace({});
    expect((await prepost(["evaluate", "--config", SMALL, "--bootstrap", "0", "--quiet"], ws.dir, true)).stderr).toBe("");
    expect((await prepost(["evaluate", "--config", SMALL, "--bootstrap", "0"], ws.dir, false)).stderr).toBe("");
  });

  it("gives each file's rate from when the file before it ended", () => {
    let clock = 0;
    let stderr = "";
    const display = progressDisplay({ out: () => {}, err: (t) => void (stderr += t), errIsTerminal: true }, () => clock);
    clock = 500;
    display.listener({ file: "referrals.csv", rows: 5000, done: true });
    clock = 2500;
    display.listener({ file: "ae.csv", rows: 100_000, done: false });
    expect(stderr).toContain("prepost: reading ae.csv: 100,000 rows, 50,000 rows/s, 2.5 s elapsed");
    display.done();
    expect(stderr.endsWith("\r\x1b[2K")).toBe(true);
  });
});

describe("the progress listener of the library", () => {
  it("hears every 100,000 rows of a file and its end", async () => {
    const rows = Array.from({ length: 200_001 }, (_, i) => `x${i},2021-01-01\n`).join("");
    const ws = await workspace({ "r.csv": "patient_id,cohort,intervention_date\np1,A,2021-06-01\n", "ae.csv": `patient_id,arrival_date\n${rows}` });
    const { evaluateCounts } = await import("../../src/evaluate.js");
    const { resolveRun } = await import("../../src/config/resolve-run.js");
    const heard: string[] = [];
    await evaluateCounts(await resolveRun({ referrals: ws.path("r.csv"), ae: ws.path("ae.csv"), bootstrap: 0 }), {
      progress: ({ file, rows: count, done }) => heard.push(`${file.split("/").pop()} ${count}${done ? " done" : ""}`),
    });
    expect(heard).toEqual(["r.csv 1 done", "ae.csv 100000", "ae.csv 200000", "ae.csv 200001 done"]);
  });
});
