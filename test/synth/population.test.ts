import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writePopulation } from "../../src/synth/population.js";
import { readCsv } from "./spec-counter.js";

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "prepost-population-"));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("prepost synth population", () => {
  test("writes the requested patients and activity rows, with a config for them", async () => {
    const written = await writePopulation(join(outDir, "a"), { patients: 300, activityRows: 5001, seed: 1 });
    const referrals = readCsv(join(outDir, "a", "referrals.csv"));
    const ae = readCsv(join(outDir, "a", "ae.csv"));
    const admissions = readCsv(join(outDir, "a", "admissions.csv"));
    expect(new Set(referrals.map((row) => row.patient_id)).size).toBe(300);
    expect(ae.length + admissions.length).toBe(5001);
    expect(written.map((w) => [w.file, w.rows])).toEqual([
      ["referrals.csv", referrals.length],
      ["ae.csv", ae.length],
      ["admissions.csv", admissions.length],
      ["evaluation.json", 0],
    ]);
    const config = JSON.parse(await readFile(join(outDir, "a", "evaluation.json"), "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({ referrals: "referrals.csv", ae: "ae.csv", admissions: "admissions.csv", from: "2021-01-01", to: "2022-07-31" });
    // A share of the activity belongs to the referred patients, the rest to residents.
    const referred = new Set(referrals.map((row) => row.patient_id));
    const theirs = ae.filter((row) => referred.has(row.patient_id ?? "")).length;
    expect(theirs).toBeGreaterThan(ae.length * 0.2);
    expect(theirs).toBeLessThan(ae.length * 0.4);
  });

  test("gives the same bytes for the same seed, other bytes for another", async () => {
    await writePopulation(join(outDir, "b"), { patients: 50, activityRows: 400, seed: 7 });
    await writePopulation(join(outDir, "c"), { patients: 50, activityRows: 400, seed: 7 });
    await writePopulation(join(outDir, "d"), { patients: 50, activityRows: 400, seed: 8 });
    for (const file of ["referrals.csv", "ae.csv", "admissions.csv"]) {
      const b = await readFile(join(outDir, "b", file));
      expect((await readFile(join(outDir, "c", file))).equals(b)).toBe(true);
      expect((await readFile(join(outDir, "d", file))).equals(b)).toBe(false);
    }
  });

  test("writes an empty activity extract (a header only) when asked for no rows", async () => {
    await writePopulation(join(outDir, "e"), { patients: 1, activityRows: 0, seed: 1 });
    expect(await readFile(join(outDir, "e", "ae.csv"), "utf8")).toBe("patient_id,arrival_date,attendance_category\n");
  });
});
