import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, type Day } from "../../src/core/day.js";
import { windowsAround } from "../../src/core/windows.js";
import type { Result } from "../../src/result.js";
import { runCli } from "../helpers.js";
import { day, rowsOf } from "./match-helpers.js";
import { type Planted, plantedPopulation, writePlanted } from "./planted-population.js";

/**
 * The whole matched evaluation on populations where referral follows a bad spell that comes and
 * goes (planted-population.ts), one with no effect and one where the service removes 30% of its
 * patients' attendances after their index date. The truth is what the service removed: the matched
 * cases' post-window attendances that did not happen, as a share of their pre-window ones, in
 * percentage points, the quantity the difference in differences estimates.
 */

const PEOPLE = 40_000;
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

interface Scenario {
  planted: Planted;
  dir: string;
  config: string;
  comparison: string;
  result: Result;
}

async function scenario(keep: number): Promise<Scenario> {
  const dir = await mkdtemp(join(tmpdir(), "prepost-planted-"));
  dirs.push(dir);
  const planted = plantedPopulation({ people: PEOPLE, seed: 11, keep });
  const config = await writePlanted(dir, planted);
  const matched = await runCli(["match", "--config", config, "--out", join(dir, "comparison.csv"), "--format", "json", "--quiet"]);
  expect(matched.stderr).toBe("");
  expect(matched.code).toBe(0);
  const evaluated = await runCli(["evaluate", "--config", config, "--comparison", join(dir, "comparison.csv"), "--format", "json", "--bootstrap", "1000", "--quiet"]);
  expect(evaluated.code).toBe(0);
  const result = JSON.parse(evaluated.stdout) as Result;
  result.match = (JSON.parse(matched.stdout) as Result).match;
  return { planted, dir, config, comparison: await readFile(join(dir, "comparison.csv"), "utf8"), result };
}

/** The change the service made, in percentage points of the matched cases' pre-window count. */
function truth(s: Scenario): number {
  const cases = new Map(s.planted.people.map((person) => [person.patientId, person]));
  let removed = 0;
  const matchedCases = new Set(rowsOf(s.comparison).map((row) => row.matched_to!));
  for (const id of matchedCases) {
    const index = cases.get(id)!.indexDate!;
    removed += (s.planted.removed.get(id) ?? []).filter((attended) => attended > index && attended <= addMonths(index, 6)).length;
  }
  return (-removed / (s.result.outcomes[0]!.total.matched_cases!.pre as number)) * 100;
}

describe.each([
  { name: "no effect", keep: 1 },
  { name: "a planted fall: 30% of attendances after the index date removed", keep: 0.7 },
])("matching.md on a population where referral follows a bad spell: $name", ({ keep }) => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(keep);
  }, 240_000);

  it("a naive pre/post comparison shows a large fall", () => {
    expect(s.result.outcomes[0]!.total.change_pct!).toBeLessThan(-35);
  });

  it("the matched difference in differences is near the truth, and its interval covers it", () => {
    const total = s.result.outcomes[0]!.total;
    const truly = truth(s);
    if (keep === 1) expect(truly).toBe(-0);
    else expect(truly).toBeLessThan(-10);
    expect(Math.abs(total.did_pct! - truly)).toBeLessThan(4);
    expect(total.did_ci_low!).toBeLessThanOrEqual(truly);
    expect(total.did_ci_high!).toBeGreaterThanOrEqual(truly);
  });

  it("balances every variable matched on: every |SMD| after matching below 0.1, and no warning", () => {
    const rows = s.result.match!.balance.rows;
    expect(rows.map((row) => row.variable)).toEqual(expect.arrayContaining(["sex", "age_band", "age", "ltc_count", "ae_attendances_pre", "ae_attendances_prior"]));
    for (const row of rows) expect(Math.abs(row.smd_after ?? 0), `${row.variable} ${row.category}`).toBeLessThan(0.1);
    // Before matching the cases' recent use was far from the pool's: that is what matching removed.
    expect(rows.find((row) => row.variable === "ae_attendances_pre")!.smd_before!).toBeGreaterThan(1);
    expect(s.result.match!.warnings).toEqual([]);
  });

  it("matches 90% of the cases or more", () => {
    const { cases, matched } = s.result.match!;
    expect(matched / cases).toBeGreaterThanOrEqual(0.9);
  });

  it("uses no one twice, no one referred, and only people registered and alive over the windows they inherit", () => {
    const people = new Map(s.planted.people.map((person) => [person.patientId, person]));
    const controls = rowsOf(s.comparison);
    const used = [...controls.map((row) => row.patient_id!), ...new Set(controls.map((row) => row.matched_to!))];
    expect(new Set(used).size).toBe(used.length);
    for (const row of controls) {
      const control = people.get(row.patient_id!)!;
      const matchedTo = people.get(row.matched_to!)!;
      expect(control.indexDate).toBeUndefined();
      expect(day(row.index_date!)).toBe(matchedTo.indexDate);
      const windows = windowsAround(day(row.index_date!) as Day, { count: 6, unit: "m" });
      expect(control.registeredFrom ?? -Infinity).toBeLessThanOrEqual(windows.priorStart);
      expect(control.registeredTo ?? Infinity).toBeGreaterThanOrEqual(windows.postEnd);
      expect(control.died ?? Infinity).toBeGreaterThan(windows.postEnd);
    }
  });

  if (keep === 1) {
    it("same seed, same bytes of comparison.csv, on either engine; another seed, another group", async () => {
      const again = async (...flags: string[]) => {
        const out = join(s.dir, `again-${flags.join("-")}.csv`);
        const run = await runCli(["match", "--config", s.config, "--out", out, "--format", "json", "--quiet", ...flags]);
        expect(run.code).toBe(0);
        return readFile(out, "utf8");
      };
      expect(await again("--engine", "stream")).toBe(s.comparison);
      expect(await again("--engine", "duckdb")).toBe(s.comparison);
      expect(await again("--seed", "2")).not.toBe(s.comparison);
    }, 240_000);

    it("evaluate --match gives the figures of match, then evaluate --comparison", async () => {
      const run = await runCli(["evaluate", "--config", s.config, "--match", "--format", "json", "--bootstrap", "1000", "--quiet"]);
      expect(run.code).toBe(0);
      const once = JSON.parse(run.stdout) as Result;
      expect(once.outcomes).toEqual(s.result.outcomes);
      expect(once.match).toEqual(s.result.match);
      expect(once.comparison_attrition).toEqual(s.result.comparison_attrition);
    }, 240_000);
  }
});
