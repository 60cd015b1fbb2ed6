import { describe, expect, it } from "vitest";
import { suppressMonths } from "../../src/disclosure/suppress-months.js";
import type { MonthFigures, MonthsResult } from "../../src/result.js";

const month = (m: number, count: number, patients: number, interval: [number, number] | null = [0.01, 0.02]): MonthFigures => ({
  month: m,
  window: m < 0 ? "pre" : m > 0 ? "post" : null,
  first_day: null,
  last_day: null,
  count,
  mean: count / patients,
  ci_low: interval && interval[0],
  ci_high: interval && interval[1],
});

function months(patients: number, counts: number[], comparison?: { patients: number; counts: number[] }): MonthsResult {
  return {
    unit: "calendar_month",
    from: -1,
    to: 1,
    referred: { patients, months: counts.map((count, i) => month(i - 1, count, patients)) },
    ...(comparison ? { comparison: { patients: comparison.patients, months: comparison.counts.map((count, i) => month(i - 1, count, comparison.patients)) } } : {}),
  };
}

describe("outputs.md suppression: the month-by-month series", () => {
  it("rounds each month's count and the patients, and recomputes the mean from them", () => {
    const shown = suppressMonths(months(1486, [363, 0, 291]));
    expect(shown.referred).toMatchObject({ patients: 1485, suppressed: [] });
    expect(shown.referred.months[0]).toMatchObject({ count: 365, mean: 365 / 1485, ci_low: 0.01, ci_high: 0.02, suppressed: [] });
    expect(shown.referred.months[1]).toMatchObject({ count: 0, mean: 0, suppressed: [] });
    expect(shown.referred.months[2]).toMatchObject({ count: 290, mean: 290 / 1485 });
  });

  it("withholds a month of 1 to 7, its mean and its interval, and leaves the other months as they are", () => {
    const shown = suppressMonths(months(1486, [363, 4, 291]));
    expect(shown.referred.months[1]).toMatchObject({ count: null, mean: null, ci_low: null, ci_high: null, suppressed: ["count", "mean", "ci_low", "ci_high"] });
    expect(shown.referred.months[0]!.suppressed).toEqual([]);
  });

  it("withholds every mean and interval of a series over 1 to 7 patients", () => {
    const shown = suppressMonths(months(5, [0, 10, 12]));
    expect(shown.referred).toMatchObject({ patients: null, suppressed: ["patients"] });
    for (const m of shown.referred.months) expect(m).toMatchObject({ mean: null, ci_low: null, ci_high: null });
    expect(shown.referred.months.map((m) => m.count)).toEqual([0, 10, 10]);
  });

  it("does not list an interval that was never computed (--bootstrap 0)", () => {
    const input = months(1486, [3, 100, 100]);
    input.referred.months[0] = month(-1, 3, 1486, null);
    expect(suppressMonths(input).referred.months[0]!.suppressed).toEqual(["count", "mean"]);
  });

  it("suppresses the comparison group's series by the same rule, on its own counts", () => {
    const shown = suppressMonths(months(1486, [363, 40, 291], { patients: 1486, counts: [2, 40, 300] }));
    expect(shown.comparison!.months[0]).toMatchObject({ count: null, mean: null });
    expect(shown.referred.months[0]).toMatchObject({ count: 365 });
  });
});
