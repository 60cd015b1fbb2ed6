import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Console } from "../../src/cli/console.js";
import { run } from "../../src/cli/program.js";

const MAIN = join(import.meta.dirname, "..", "..", "dist", "cli", "main.js");

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

  test("a bad flag value is a usage error (exit 2) naming the flag", async () => {
    const console = captured();
    expect(await run(["synth", "population", "--patients", "many", "--activity-rows", "1", "--out", outDir], console)).toBe(2);
    expect(console.text()).toMatch(/--patients/);
    expect(await run(["synth", "west-kent", "--out", outDir, "--seed", "-1"], captured())).toBe(2);
    expect(await run(["synth", "west-kent"], captured())).toBe(2);
  });

  test("west-kent: the built CLI writes the six files (end to end)", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [MAIN, "synth", "west-kent", "--out", join(outDir, "wk")]);
    expect(stdout).toMatch(/referrals\.csv \([\d,]+ rows\)/);
    expect((await readdir(join(outDir, "wk"))).sort()).toEqual(["admissions.csv", "ae.csv", "comparison.csv", "evaluation.json", "published.json", "referrals.csv"]);
  });
});
