import { describe, expect, test } from "vitest";
import { dayFromCivil, isoFromDay } from "../../src/core/day.js";
import { createRandom } from "../../src/synth/random.js";
import { windowsAround } from "../../src/synth/west-kent-calendar.js";
import { countsWithTotal, exactWindowCounts } from "../../src/synth/window-counts.js";

describe("countsWithTotal", () => {
  test("hits the total exactly from above and from below, never going negative", () => {
    const random = createRandom(3);
    const means = Array.from({ length: 500 }, (_, i) => (i % 7) / 3);
    for (const total of [0, 1, 100, 500, 3000]) {
      const counts = countsWithTotal(random, means, total);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(counts.every((c) => c >= 0 && Number.isInteger(c))).toBe(true);
    }
  });

  test("adds events only where the mean is above zero", () => {
    const counts = countsWithTotal(createRandom(4), [0, 0, 2, 0], 9);
    expect(counts).toEqual([0, 0, 9, 0]);
  });
});

describe("exactWindowCounts", () => {
  test("gives each window of each outcome the cohort's total, overdispersed and correlated", () => {
    const random = createRandom(8);
    const frailties = Array.from({ length: 2579 }, (_, i) => (i % 10 === 0 ? 5 : 0.5));
    const totals = { patients: 2579, ae: { pre: 1633, post: 1247 }, admissions: { pre: 907, post: 860 } };
    const counts = exactWindowCounts(random, frailties, totals);
    const sum = (pick: (c: (typeof counts)[number]) => number): number => counts.reduce((a, c) => a + pick(c), 0);
    expect([sum((c) => c.aePre), sum((c) => c.aePost), sum((c) => c.admissionsPre), sum((c) => c.admissionsPost)]).toEqual([1633, 1247, 907, 860]);
    // The frail tenth of the patients carry most of the use, before and after.
    const frail = counts.filter((_, i) => i % 10 === 0);
    expect(frail.reduce((a, c) => a + c.aePre, 0)).toBeGreaterThan(1633 / 2);
    expect(frail.reduce((a, c) => a + c.aePost, 0)).toBeGreaterThan(1247 / 2);
  });
});

describe("windowsAround (evaluation.md rule 3)", () => {
  test("six calendar months either side, the day clamped to the month's end", () => {
    const windows = windowsAround(dayFromCivil(2021, 8, 31));
    expect(isoFromDay(windows.preStart)).toBe("2021-02-28");
    expect(isoFromDay(windows.postEnd)).toBe("2022-02-28");
  });

  test("the period's first and last index dates are covered by 2020-07-01 … 2023-01-31", () => {
    expect(isoFromDay(windowsAround(dayFromCivil(2021, 1, 1)).preStart)).toBe("2020-07-01");
    expect(isoFromDay(windowsAround(dayFromCivil(2022, 7, 31)).postEnd)).toBe("2023-01-31");
  });
});
