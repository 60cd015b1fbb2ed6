import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

import type { PublishedOutcome, PublishedRow, PublishedWestKent as Published } from "../../src/synth/west-kent-published.js";

const published = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "west-kent", "published.json"), "utf8")) as Published;
const [ae, admissions] = published.outcomes as [PublishedOutcome, PublishedOutcome];
const change = (row: PublishedRow): number => ((row.post - row.pre) / row.pre) * 100;
const twoPlaces = (x: number): number => Math.round(x * 100) / 100;

describe("published.json: the West Kent report's table as printed (evaluation.md)", () => {
  test("holds the printed counts", () => {
    // Typed from the table in ../shared/spec/evaluation.md, not taken from the generator.
    const rows = (o: PublishedOutcome): number[][] => [...o.cohorts, o.total].map((r) => [r.patients, r.pre, r.post]);
    expect(rows(ae)).toEqual([[1486, 363, 291], [2579, 1633, 1247], [339, 229, 186], [1504, 1032, 873], [5908, 3257, 2597]]);
    expect(rows(admissions)).toEqual([[1486, 167, 159], [2579, 907, 860], [339, 107, 104], [1504, 386, 354], [5908, 1567, 1477]]);
    expect(ae.cohorts.map((r) => r.label)).toEqual([
      "Adult 'Carers'",
      "Over 55s with frailty / ill health",
      "18-55 years olds with ill health",
      "Primary Care Network 'ARRS' patients",
    ]);
  });

  test("every printed change follows from its counts to two places, but the inpatient total", () => {
    for (const row of [...ae.cohorts, ae.total, ...admissions.cohorts]) expect(twoPlaces(change(row))).toBe(row.change_pct);
    // Discrepancy 2: the report prints −5.63%; 1,567 → 1,477 is −5.74%.
    expect(admissions.total.change_pct).toBe(-5.63);
    expect(twoPlaces(change(admissions.total))).toBe(-5.74);
    expect(published.discrepancies.map((d) => d.field)).toEqual(["pre_per_patient", "unplanned_admissions.total.change_pct"]);
  });

  test("the printed per-patient averages are pre / patients cut, not rounded, to two places", () => {
    const cut = (row: PublishedRow): number => Math.floor((row.pre / row.patients) * 100) / 100;
    for (const row of [...ae.cohorts, ...admissions.cohorts]) expect(row.pre_per_patient).toBe(cut(row));
    // Discrepancy 1: rounding would print 0.68, 0.69 (A&E) and 0.32, 0.26 (inpatient) for cohorts 3 and 4.
    const rounded = (row: PublishedRow): number => twoPlaces(row.pre / row.patients);
    expect([ae.cohorts[2], ae.cohorts[3], admissions.cohorts[2], admissions.cohorts[3]].map((r) => rounded(r as PublishedRow))).toEqual([0.68, 0.69, 0.32, 0.26]);
  });
});
