import { describe, expect, it } from "vitest";
import { addMonths, dayFromCivil, isoFromDay } from "../../src/core/day.js";
import { windowsAround } from "../../src/core/windows.js";

function day(iso: string): number {
  const [year, month, dayOfMonth] = iso.split("-").map(Number) as [number, number, number];
  return dayFromCivil(year, month, dayOfMonth);
}

function priorStart(index: string, count: number, unit: "m" | "d"): string {
  return isoFromDay(windowsAround(day(index), { count, unit }).priorStart);
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

});
