import { describe, expect, it } from "vitest";
import { addMonths, dayFromCivil, isoFromDay } from "../../src/core/day.js";
import {
  RISING_INTO_REFERRAL_WORDS,
  isRisingIntoReferral,
  priorWindowCheck,
  priorWindowStart,
} from "../../src/stats/prior-window.js";

function day(iso: string): number {
  const [year, month, dayOfMonth] = iso.split("-").map(Number) as [number, number, number];
  return dayFromCivil(year, month, dayOfMonth);
}

function priorStart(index: string, count: number, unit: "m" | "d"): string {
  return isoFromDay(priorWindowStart(day(index), { count, unit }));
}

describe("statistics.md prior window: prior_start is the index date 2N months (or days) earlier", () => {
  it("goes back 2N calendar months for Nm", () => {
    expect(priorStart("2022-03-15", 6, "m")).toBe("2021-03-15");
    expect(priorStart("2021-01-01", 6, "m")).toBe("2020-01-01");
    expect(priorStart("2022-12-31", 3, "m")).toBe("2022-06-30");
  });

  it("clamps to the month's end, 29 February included", () => {
    // 31 Aug less 6 months: no 31 Feb, so the last day of February.
    expect(priorStart("2022-08-31", 3, "m")).toBe("2022-02-28");
    expect(priorStart("2024-08-31", 3, "m")).toBe("2024-02-29");
    expect(priorStart("2024-02-29", 6, "m")).toBe("2023-02-28");
    expect(priorStart("2024-02-29", 12, "m")).toBe("2022-02-28");
    expect(priorStart("2028-02-29", 24, "m")).toBe("2024-02-29");
  });

  it("counts from the index date, not from pre_start, so a clamp is not applied twice", () => {
    // Index 31 Jul 2022, 1m: pre_start is 30 Jun (31 Jun does not exist); prior_start is 31 May, 2
    // months before the index, not 30 May, 1 month before pre_start.
    expect(isoFromDay(addMonths(day("2022-07-31"), -1))).toBe("2022-06-30");
    expect(priorStart("2022-07-31", 1, "m")).toBe("2022-05-31");
  });

  it("goes back 2N days for Nd", () => {
    // as.Date("2022-03-01") - 60 = "2021-12-31"; as.Date("2024-03-01") - 2 = "2024-02-28"; as.Date("2023-03-01") - 364 = "2022-03-02"
    expect(priorStart("2022-03-01", 30, "d")).toBe("2021-12-31");
    expect(priorStart("2024-03-01", 1, "d")).toBe("2024-02-28");
    expect(priorStart("2023-03-01", 182, "d")).toBe("2022-03-02");
  });

  it("refuses a window that is not a whole number ≥ 1", () => {
    expect(() => priorWindowStart(0, { count: 0, unit: "m" })).toThrow(/priorWindowStart/);
  });
});

describe("statistics.md prior window: the check on the patients whose prior window is covered", () => {
  it("sums prior and pre over the covered patients only", () => {
    const result = priorWindowCheck({
      priorCovered: [true, false, true, true, false],
      prior: [1, 9, 0, 3, 9],
      pre: [2, 5, 1, 2, 5],
    });
    // covered: prior 1 + 0 + 3 = 4, pre 2 + 1 + 2 = 5; (5 - 4) / 4 * 100 = 25
    expect(result).toEqual({ prior_patients: 3, prior: 4, prior_pre: 5, prior_change_pct: 25 });
  });

  it("has a null change where the covered patients' prior count is 0", () => {
    expect(priorWindowCheck({ priorCovered: [true, true], prior: [0, 0], pre: [1, 0] })).toEqual({
      prior_patients: 2,
      prior: 0,
      prior_pre: 1,
      prior_change_pct: null,
    });
  });

  it("is 0 patients and nulls where no patient's prior window is covered", () => {
    const none = { prior_patients: 0, prior: null, prior_pre: null, prior_change_pct: null };
    expect(priorWindowCheck({ priorCovered: [false, false], prior: [3, 1], pre: [2, 2] })).toEqual(none);
    expect(priorWindowCheck({ priorCovered: [], prior: [], pre: [] })).toEqual(none);
  });

  it("refuses arrays of different lengths, naming itself", () => {
    expect(() => priorWindowCheck({ priorCovered: [true], prior: [1, 2], pre: [1, 2] })).toThrow(/priorWindowCheck/);
  });
});

describe("statistics.md prior window: the words where use was rising into the referral (above +10%)", () => {
  it("flags a rise of more than 10% only", () => {
    expect(isRisingIntoReferral(25)).toBe(true);
    expect(isRisingIntoReferral(10.000001)).toBe(true);
    expect(isRisingIntoReferral(10)).toBe(false);
    expect(isRisingIntoReferral(-30)).toBe(false);
    expect(isRisingIntoReferral(null)).toBe(false);
  });

  it("says it plainly, naming regression to the mean", () => {
    expect(RISING_INTO_REFERRAL_WORDS).toMatch(/rising into the referral/);
    expect(RISING_INTO_REFERRAL_WORDS).toMatch(/regression to the mean/);
  });
});
