import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Console } from "../../src/cli/console.js";
import { run } from "../../src/cli/program.js";

const MAIN = join(import.meta.dirname, "..", "..", "dist", "prepost.js");

function captured(): Console & { text: () => string } {
  let text = "";
  return { out: (t) => void (text += t), err: (t) => void (text += t), errIsTerminal: false, text: () => text };
}

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "prepost-synth-cli-"));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("prepost synth", () => {
  test("population: writes its files and says what it wrote (in-process)", async () => {
    const console = captured();
    const code = await run(["synth", "population", "--patients", "20", "--activity-rows", "100", "--out", join(outDir, "p")], console);
    expect(code).toBe(0);
    expect(console.text()).toMatch(/ae\.csv \(60 rows\)/);
    expect((await readdir(join(outDir, "p"))).sort()).toEqual(["admissions.csv", "ae.csv", "evaluation.json", "referrals.csv"]);
  });

  test("population --outpatient-rows and --gp-rows: write those extracts too, and say so", async () => {
    const console = captured();
    const args = ["synth", "population", "--patients", "20", "--activity-rows", "100", "--outpatient-rows", "70", "--gp-rows", "80", "--out", join(outDir, "all")];
    expect(await run(args, console)).toBe(0);
    expect(console.text()).toMatch(/outpatients\.csv \(70 rows\)[^]*gp-appointments\.csv \(80 rows\)/);
    expect((await readdir(join(outDir, "all"))).sort()).toEqual(["admissions.csv", "ae.csv", "evaluation.json", "gp-appointments.csv", "outpatients.csv", "referrals.csv"]);
  });

  test.each(["--outpatient-rows", "--gp-rows"])("%s: a value that is not a whole number is a usage error (exit 2) naming the flag", async (flag) => {
    const console = captured();
    expect(await run(["synth", "population", "--patients", "1", "--activity-rows", "1", flag, "-3", "--out", join(outDir, "never")], console)).toBe(2);
    expect(console.text()).toContain(flag);
  });

  test("a bad flag value is a usage error (exit 2) naming the flag", async () => {
    const console = captured();
    expect(await run(["synth", "population", "--patients", "many", "--activity-rows", "1", "--out", outDir], console)).toBe(2);
    expect(console.text()).toMatch(/--patients/);
    expect(await run(["synth", "west-kent", "--out", outDir, "--seed", "-1"], captured())).toBe(2);
    expect(await run(["synth", "west-kent"], captured())).toBe(2);
  });

  test("population --ae-share: the A&E share of the activity rows; 1 writes no admissions.csv", async () => {
    const console = captured();
    expect(await run(["synth", "population", "--patients", "20", "--activity-rows", "100", "--ae-share", "1", "--out", join(outDir, "ae-only")], console)).toBe(0);
    expect(console.text()).toMatch(/ae\.csv \(100 rows\)/);
    expect((await readdir(join(outDir, "ae-only"))).sort()).toEqual(["ae.csv", "evaluation.json", "referrals.csv"]);
    const quarter = captured();
    expect(await run(["synth", "population", "--patients", "20", "--activity-rows", "100", "--ae-share", ".25", "--out", join(outDir, "quarter")], quarter)).toBe(0);
    expect(quarter.text()).toMatch(/ae\.csv \(25 rows\)[^]*admissions\.csv \(75 rows\)/);
  });

  test.each(["1.5", "-0.1", "abc", "", "0x1", "60%"])("--ae-share %j is a usage error (exit 2) naming the flag", async (value) => {
    const console = captured();
    expect(await run(["synth", "population", "--patients", "1", "--activity-rows", "1", "--ae-share", value, "--out", join(outDir, "never")], console)).toBe(2);
    expect(console.text()).toMatch(/--ae-share <fraction>.*must be a fraction from 0 to 1/);
  });

  test("west-kent: the built CLI writes the nine files (end to end)", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [MAIN, "synth", "west-kent", "--out", join(outDir, "wk")]);
    expect(stdout).toMatch(/referrals\.csv \([\d,]+ rows\)[^]*outpatients\.csv \([\d,]+ rows\)[^]*gp-appointments\.csv \([\d,]+ rows\)/);
    expect((await readdir(join(outDir, "wk"))).sort()).toEqual([
      "admissions.csv",
      "ae.csv",
      "comparison.csv",
      "evaluation.json",
      "gp-appointments.csv",
      "outpatients.csv",
      "population.csv",
      "published.json",
      "referrals.csv",
    ]);
  });
});
