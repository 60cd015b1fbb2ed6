import { describe, expect, it } from "vitest";
import type { MonthsResult, Result } from "../../src/result.js";
import { cohortRow, covered, csv, evaluateExtracts, evaluateOnBothEngines, outcome } from "../helpers.js";

/** A series' months as { month: count }, leaving out the months with none. */
function counts(series: MonthsResult["referred"]): Record<number, number> {
  return Object.fromEntries(series.months.filter((m) => m.count > 0).map((m) => [m.month, m.count]));
}

/** statistics.md: the months in the pre (post) window sum to the row's pre (post), exactly. */
function expectMonthsAddUp(result: Result, id: string): void {
  const { months, total } = outcome(result, id);
  const sum = (window: "pre" | "post") => months!.referred.months.filter((m) => m.window === window).reduce((t, m) => t + m.count, 0);
  expect(months!.referred.patients).toBe(total.patients);
  expect(sum("pre")).toBe(total.pre);
  expect(sum("post")).toBe(total.post);
  // The check, on the means: Σ mean × patients is pre (post), to the last digit a double keeps.
  const fromMeans = (window: "pre" | "post") => months!.referred.months.filter((m) => m.window === window).reduce((t, m) => t + m.mean! * total.patients, 0);
  expect(fromMeans("pre")).toBeCloseTo(total.pre, 9);
  expect(fromMeans("post")).toBeCloseTo(total.post, 9);
}

const onIndex = (index: string) => csv`
  patient_id,cohort,intervention_date
  p1,A,${index}
  p2,A,${index}
`;

describe("statistics.md months: month −k is index − k months ≤ d < index − (k−1) months, +k is index + (k−1) months < d ≤ index + k months", () => {
  // Index 31 March 2021: index − 1m = 28 Feb, − 2m = 31 Jan, − 6m = 30 Sep 2020; + 1m = 30 Apr, + 2m = 31 May, + 6m = 30 Sep 2021.
  const ae = csv`
    patient_id,arrival_date
    p1,2020-09-29
    p1,2020-09-30
    p1,2021-01-31
    p1,2021-02-27
    p1,2021-02-28
    p2,2021-03-30
    p2,2021-03-31
    p1,2021-04-01
    p2,2021-04-30
    p2,2021-05-01
    p1,2021-09-30
    p1,2021-10-01
  `;

  it("puts each day in its month, month ends clamped, the index day alone in month 0", async () => {
    const result = await evaluateExtracts({ referrals: onIndex("2021-03-31"), ae }, covered);
    const months = outcome(result, "ae_attendances").months!;
    expect(months).toMatchObject({ unit: "calendar_month", from: -6, to: 6 });
    // 30 Sep is month −6 (29 Sep is before the window); 31 Jan and 27 Feb are −2; 28 Feb and 30 Mar −1;
    // 1 and 30 Apr +1; 1 May +2; 30 Sep +6 (1 Oct after the window).
    expect(counts(months.referred)).toEqual({ [-6]: 1, [-2]: 2, [-1]: 2, 0: 1, 1: 2, 2: 1, 6: 1 });
    expect(months.referred.months.map((m) => m.window)).toEqual([...Array(6).fill("pre"), null, ...Array(6).fill("post")]);
    expect(months.referred.months[6]).toMatchObject({ month: 0, count: 1, mean: 0.5, first_day: null, last_day: null });
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ pre: 5, post: 4 });
    expectMonthsAddUp(result, "ae_attendances");
  });

  it("counts the index day in the window --index-day names, and month 0 is still the index day alone", async () => {
    for (const indexDay of ["pre", "post"] as const) {
      const result = await evaluateExtracts({ referrals: onIndex("2021-03-31"), ae }, { ...covered, indexDay });
      const months = outcome(result, "ae_attendances").months!;
      expect(months.referred.months[6]).toMatchObject({ month: 0, window: indexDay, count: 1 });
      expect(cohortRow(result, "ae_attendances", "A")).toMatchObject(indexDay === "pre" ? { pre: 6, post: 4 } : { pre: 5, post: 5 });
      expectMonthsAddUp(result, "ae_attendances");
    }
  });

  it("gives the same months on both engines", async () => {
    const both = await evaluateOnBothEngines({ referrals: onIndex("2021-03-31"), ae }, { ...covered, months: 7 });
    expect(both.duckdb).toBe(both.stream);
    expect(both.stream).toContain('"unit": "calendar_month"');
  });
});

describe("statistics.md months: with --window Nd, months are 30-day blocks", () => {
  // Index 15 June 2021, 182d: block −7 is days −182 and −181 (15, 16 Dec 2020), −6 is −180 … −151;
  // +1 is +1 … +30 (16 Jun to 15 Jul), +7 is +181 and +182 (13, 14 Dec 2021).
  const ae = csv`
    patient_id,arrival_date
    p1,2020-12-14
    p1,2020-12-15
    p1,2020-12-16
    p1,2020-12-17
    p2,2021-06-14
    p2,2021-07-15
    p2,2021-07-16
    p1,2021-12-14
    p1,2021-12-15
  `;

  it("says so, gives each block's days, and cuts the last block at the window's edge", async () => {
    const result = await evaluateExtracts({ referrals: onIndex("2021-06-15"), ae }, { ...covered, window: "182d" });
    const months = outcome(result, "ae_attendances").months!;
    expect(months).toMatchObject({ unit: "30_day_block", from: -7, to: 7 });
    expect(months.referred.months[0]).toMatchObject({ month: -7, first_day: -182, last_day: -181, window: "pre", count: 2 });
    expect(months.referred.months[1]).toMatchObject({ month: -6, first_day: -180, last_day: -151, count: 1 });
    expect(months.referred.months[7]).toMatchObject({ month: 0, first_day: 0, last_day: 0 });
    expect(months.referred.months[8]).toMatchObject({ month: 1, first_day: 1, last_day: 30, count: 1 });
    expect(months.referred.months[14]).toMatchObject({ month: 7, first_day: 181, last_day: 182, count: 1 });
    expect(counts(months.referred)).toEqual({ [-7]: 2, [-6]: 1, [-1]: 1, 1: 1, 2: 1, 7: 1 });
    expectMonthsAddUp(result, "ae_attendances");
  });

  it("refuses --months below the window's blocks", async () => {
    await expect(evaluateExtracts({ referrals: onIndex("2021-06-15"), ae }, { ...covered, window: "182d", months: 6 })).rejects.toThrow(/--months 6 is less than the window's 7 blocks of 30 days \(182d\)/);
    await expect(evaluateExtracts({ referrals: onIndex("2021-06-15"), ae }, { ...covered, months: 5 })).rejects.toThrow(/--months 5 is less than the window \(6m\)/);
  });
});

describe("statistics.md months: --months K is over the patients whose data cover ±K months", () => {
  const referrals = csv`
    patient_id,cohort,intervention_date
    early,A,2021-03-15
    late,A,2021-09-15
  `;
  // Data from 2020-08-01 to 2022-06-30: both patients' ±6 months are in it; of ±8 months only late's
  // (2021-01-15 to 2022-05-15), since early's begin on 2020-07-15, before the data.
  const ae = csv`
    patient_id,arrival_date
    early,2020-09-01
    early,2021-03-01
    late,2021-01-20
    late,2021-03-20
    late,2021-09-01
    late,2022-05-15
    late,2022-05-16
  `;
  const data = { dataStart: "2020-08-01", dataEnd: "2022-06-30" };

  it("is over the covered patients only, and says how many; the rows are as before", async () => {
    const result = await evaluateExtracts({ referrals, ae }, { ...data, months: 8 });
    const months = outcome(result, "ae_attendances").months!;
    expect(months).toMatchObject({ from: -8, to: 8 });
    expect(months.referred.patients).toBe(1);
    // late: 20 Jan 2021 is month −8 (15 Jan to 14 Feb), 20 Mar −6, 1 Sep −1, 15 May 2022 +8; 16 May is beyond.
    expect(counts(months.referred)).toEqual({ [-8]: 1, [-6]: 1, [-1]: 1, 8: 1 });
    expect(months.referred.months[0]!.mean).toBe(1);
    expect(months.referred.months.map((m) => m.window)).toEqual([null, null, ...Array(6).fill("pre"), null, ...Array(6).fill("post"), null, null]);
    expect(cohortRow(result, "ae_attendances", "A")).toMatchObject({ patients: 2, pre: 3, post: 0 });
    // The months −6…−1 are late's pre (2), not the row's (3): the same patients, not the same row.
    expect(months.referred.months.filter((m) => m.window === "pre").reduce((t, m) => t + m.count, 0)).toBe(2);
  });

  it("gives the same answer on both engines", async () => {
    const both = await evaluateOnBothEngines({ referrals, ae }, { ...data, months: 8 });
    expect(both.duckdb).toBe(both.stream);
  });
});

describe("statistics.md months: bed days, each night in the month its day falls in", () => {
  const referrals = onIndex("2021-03-31");
  // p1 admitted 27 Feb, discharged 2 Mar: nights of 27 Feb (month −2) and 28 Feb, 1 Mar (month −1).
  // p2 admitted 30 Mar, discharged 2 Apr: 30 Mar (−1), 31 Mar (the index day, 0), 1 Apr (+1).
  const admissions = csv`
    patient_id,admission_date,admission_method,discharge_date
    p1,2021-02-27,21,2021-03-02
    p2,2021-03-30,21,2021-04-02
  `;

  it("splits a spell's nights across the months, so the months add up to the row", async () => {
    const result = await evaluateExtracts({ referrals, admissions }, { ...covered, outcomes: ["emergency_bed_days"] });
    const months = outcome(result, "emergency_bed_days").months!;
    expect(counts(months.referred)).toEqual({ [-2]: 1, [-1]: 3, 0: 1, 1: 1 });
    expect(cohortRow(result, "emergency_bed_days", "A")).toMatchObject({ pre: 4, post: 1 });
    expectMonthsAddUp(result, "emergency_bed_days");
  });
});

describe("statistics.md months: the comparison group's series", () => {
  const referrals = onIndex("2021-03-31");
  const comparison = csv`
    patient_id,cohort,index_date
    c1,A,2021-04-30
  `;
  const ae = csv`
    patient_id,arrival_date
    p1,2021-03-01
    c1,2021-04-29
    c1,2021-05-01
  `;

  it("counts each comparison patient's months around their own index date", async () => {
    const result = await evaluateExtracts({ referrals, ae, comparison }, { ...covered, bootstrap: 50 });
    const months = outcome(result, "ae_attendances").months!;
    expect(months.comparison!.patients).toBe(1);
    // 30 Apr − 1m = 30 Mar: 29 Apr is month −1; + 1m = 30 May: 1 May is month +1.
    expect(counts(months.comparison!)).toEqual({ [-1]: 1, 1: 1 });
    expect(months.comparison!.months[5]).toMatchObject({ month: -1, mean: 1, ci_low: 1, ci_high: 1 });
    expect(counts(months.referred)).toEqual({ [-1]: 1 });
    expect(months.referred.months[5]).toMatchObject({ mean: 0.5 });
  });
});
