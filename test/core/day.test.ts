import { describe, expect, it } from "vitest";
import { addMonths, civilFromDay, dayFromCivil, isoFromDay, isValidCivil } from "../../src/core/day.js";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromCivil(y!, m!, d!);
};

describe("days are whole numbers since 1970-01-01", () => {
  it("counts from the epoch", () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(1970, 1, 2)).toBe(1);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    // 2000-03-01 is 11017 days after the epoch (date -d 2000-03-01 +%s / 86400).
    expect(dayFromCivil(2000, 3, 1)).toBe(11017);
  });

  it("round-trips every day from 1800 to 2100", () => {
    const mismatches: number[] = [];
    for (let d = day("1800-01-01"); d <= day("2100-12-31"); d += 1) {
      const { year, month, day: dom } = civilFromDay(d);
      if (dayFromCivil(year, month, dom) !== d) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it("writes ISO dates", () => {
    expect(isoFromDay(day("2021-02-28"))).toBe("2021-02-28");
    expect(isoFromDay(day("1582-10-15"))).toBe("1582-10-15");
  });

  it("knows which days exist", () => {
    expect(isValidCivil(2021, 2, 29)).toBe(false);
    expect(isValidCivil(2020, 2, 29)).toBe(true);
    expect(isValidCivil(1900, 2, 29)).toBe(false);
    expect(isValidCivil(2000, 2, 29)).toBe(true);
    expect(isValidCivil(2021, 4, 31)).toBe(false);
    expect(isValidCivil(2021, 13, 1)).toBe(false);
    expect(isValidCivil(2021, 1, 0)).toBe(false);
  });
});

describe("addMonths clamps the day to the month's end", () => {
  it.each([
    ["2021-08-31", 6, "2022-02-28"],
    ["2023-08-31", 6, "2024-02-29"],
    ["2021-08-31", -6, "2021-02-28"],
    ["2020-08-31", -6, "2020-02-29"],
    ["2020-02-29", 12, "2021-02-28"],
    ["2020-02-29", -12, "2019-02-28"],
    ["2021-03-31", -1, "2021-02-28"],
    ["2021-01-31", 1, "2021-02-28"],
    ["2021-12-15", 1, "2022-01-15"],
    ["2021-01-15", -1, "2020-12-15"],
    ["2021-03-15", -6, "2020-09-15"],
    ["2021-05-31", -12, "2020-05-31"],
    ["2021-10-31", 0, "2021-10-31"],
  ])("%s %+d months is %s", (from, months, to) => {
    expect(isoFromDay(addMonths(day(from), months))).toBe(to);
  });
});
