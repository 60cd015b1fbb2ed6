/**
 * The West Kent example counted by the spec's rules directly (spec-counter.ts, which shares no code
 * with prepost), so that the generator is checked independently of `prepost evaluate`.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeWestKent } from "../../src/synth/west-kent-files.js";
import type { PublishedRow, PublishedWestKent } from "../../src/synth/west-kent-published.js";
import { type Counts, countBySpec, type SpecCount } from "./spec-counter.js";

const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "west-kent");

const published = JSON.parse(readFileSync(join(FIXTURE, "published.json"), "utf8")) as PublishedWestKent;

/** The published table in the counter's shape: cohort → patients and the four counts. */
function publishedCounts(): Map<string, Counts> {
  const outcome = (id: string): PublishedRow[] => published.outcomes.find((o) => o.outcome === id)?.cohorts ?? [];
  const admissions = outcome("unplanned_admissions");
  return new Map(
    outcome("ae_attendances").map((row, i) => {
      const admitted = admissions[i] as PublishedRow;
      return [row.cohort, { patients: row.patients, aePre: row.pre, aePost: row.post, admissionsPre: admitted.pre, admissionsPost: admitted.post }];
    }),
  );
}

let fixture: SpecCount;
beforeAll(() => {
  fixture = countBySpec(join(FIXTURE, "evaluation.json"));
});

describe("fixtures/west-kent counted by the spec's rules", () => {
  test("gives exactly the published patients, A&E and inpatient counts of every cohort", () => {
    expect(fixture.cohorts).toEqual(publishedCounts());
  });

  test("excludes patients under four rules, and none for an incomplete window", () => {
    expect(Object.keys(fixture.attrition).sort()).toEqual(["age", "no_consent", "outside_period", "too_few_onward_referrals"]);
    expect(Math.min(...Object.values(fixture.attrition))).toBeGreaterThan(10);
  });

  test("holds activity of residents never referred: the largest share of each extract", () => {
    for (const account of [fixture.ae, fixture.admissions]) {
      const { read, activityOfOthers, ...rest } = account;
      expect(activityOfOthers).toBeGreaterThan(Math.max(...Object.values(rest)));
      expect(Object.values(rest).reduce((a, b) => a + b, activityOfOthers)).toBe(read);
    }
  });

  test("holds every kind of activity the rules do not count", () => {
    for (const account of [fixture.ae, fixture.admissions]) {
      expect(Math.min(account.ofExcludedPatients, account.outsideWindows, account.onIndexDay, account.notCountable)).toBeGreaterThan(10);
    }
    // Planned A&E follow-ups; elective, maternity and transfer admissions (of referred and comparison patients).
    for (const code of ["ae 4", "admissions 11", "admissions 12", "admissions 13", "admissions 31", "admissions 32", "admissions 81"]) {
      expect(fixture.notCountableCodes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  });

  test("attrition and where every activity row went (golden file, reviewed like code)", async () => {
    const { ae, admissions, notCountableCodes } = fixture;
    const rules = ["outside_period", "no_consent", "too_few_onward_referrals", "age", "incomplete_window"];
    const attrition = Object.fromEntries(rules.map((rule) => [rule, fixture.attrition[rule] ?? 0]));
    const codes = Object.fromEntries([...notCountableCodes].sort(([a], [b]) => (a < b ? -1 : 1)));
    await expect(`${JSON.stringify({ attrition, ae, admissions, notCountableCodes: codes }, null, 2)}\n`).toMatchFileSnapshot(
      "./golden/west-kent-accounts.json",
    );
  });

  test("has a matched comparison group whose use falls less than the referred patients'", () => {
    for (const [cohort, referred] of fixture.cohorts) {
      const matched = fixture.comparison.get(cohort) as Counts;
      expect(matched.patients).toBe(referred.patients);
      expect([matched.aePre, matched.admissionsPre]).toEqual([referred.aePre, referred.admissionsPre]);
      const fall = (pre: number, post: number): number => (pre - post) / pre;
      expect(fall(matched.aePre, matched.aePost)).toBeGreaterThan(0.04);
      expect(fall(matched.aePre, matched.aePost)).toBeLessThan(fall(referred.aePre, referred.aePost));
      expect(fall(matched.admissionsPre, matched.admissionsPost)).toBeGreaterThanOrEqual(0);
      expect(fall(matched.admissionsPre, matched.admissionsPost)).toBeLessThan(fall(referred.admissionsPre, referred.admissionsPost));
    }
  });
});

describe("another seed", () => {
  let outDir = "";
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  test("gives other extracts with the same published counts", async () => {
    outDir = await mkdtemp(join(tmpdir(), "prepost-west-kent-seed-"));
    await writeWestKent(outDir, 2);
    const counted = countBySpec(join(outDir, "evaluation.json"));
    expect(counted.cohorts).toEqual(publishedCounts());
    expect(counted.ae.read).not.toBe(fixture.ae.read);
  });
});
