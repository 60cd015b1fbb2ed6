import { describe, expect, it } from "vitest";
import { dayFromCivil, isoFromDay } from "../../src/core/day.js";
import { monthAt, monthBounds, windowMonths, windowOfMonth } from "../../src/core/months.js";
import type { WindowLength } from "../../src/core/windows.js";

function day(iso: string): number {
  const [year, month, dayOfMonth] = iso.split("-").map(Number) as [number, number, number];
  return dayFromCivil(year, month, dayOfMonth);
}

/** Each month −K…K as "first to last day", worked by hand below from statistics.md's rule. */
function months(index: string, length: WindowLength, k: number): string[] {
  const bounds = monthBounds(day(index), length, k);
  return Array.from({ length: 2 * k + 1 }, (_, m) => `${isoFromDay(bounds[m]!)} to ${isoFromDay(bounds[m + 1]! - 1)}`);
}

const SIX_MONTHS: WindowLength = { count: 6, unit: "m" };

describe("statistics.md: month −k is index − k months ≤ d < index − (k−1) months, +k is index + (k−1) months < d ≤ index + k months", () => {
  it("splits 6m around 15 June into six months either side and the index day", () => {
    expect(months("2021-06-15", SIX_MONTHS, 6)).toEqual([
      "2020-12-15 to 2021-01-14",
      "2021-01-15 to 2021-02-14",
      "2021-02-15 to 2021-03-14",
      "2021-03-15 to 2021-04-14",
      "2021-04-15 to 2021-05-14",
      "2021-05-15 to 2021-06-14",
      "2021-06-15 to 2021-06-15",
      "2021-06-16 to 2021-07-15",
      "2021-07-16 to 2021-08-15",
      "2021-08-16 to 2021-09-15",
      "2021-09-16 to 2021-10-15",
      "2021-10-16 to 2021-11-15",
      "2021-11-16 to 2021-12-15",
    ]);
  });

  it("clamps each month's end as rule 3 does: around 31 March, 28 Feb, 30 Apr, 30 Jun…", () => {
    // index − 1m = 28 Feb (no 31 Feb), − 2m = 31 Jan, − 3m = 31 Dec; + 1m = 30 Apr, + 2m = 31 May, + 3m = 30 Jun.
    expect(months("2021-03-31", SIX_MONTHS, 3)).toEqual([
      "2020-12-31 to 2021-01-30",
      "2021-01-31 to 2021-02-27",
      "2021-02-28 to 2021-03-30",
      "2021-03-31 to 2021-03-31",
      "2021-04-01 to 2021-04-30",
      "2021-05-01 to 2021-05-31",
      "2021-06-01 to 2021-06-30",
    ]);
  });

  it("ends month +6 of 31 August on 28 February, where rule 3 ends the post window", () => {
    const all = months("2021-08-31", SIX_MONTHS, 6);
    expect(all[0]).toBe("2021-02-28 to 2021-03-30");
    expect(all[12]).toBe("2022-02-01 to 2022-02-28");
  });

  it("covers the pre and post windows exactly: month −W starts at pre_start, month +W ends at post_end", () => {
    // 2020-02-29 ± 6m = 2019-08-29 and 2020-08-29 (rule 3).
    const all = months("2020-02-29", SIX_MONTHS, 6);
    expect(all[0]!.slice(0, 10)).toBe("2019-08-29");
    expect(all[12]!.slice(-10)).toBe("2020-08-29");
  });

  it("goes on beyond the window with --months K", () => {
    const all = months("2021-06-15", SIX_MONTHS, 8);
    expect(all).toHaveLength(17);
    expect(all[0]).toBe("2020-10-15 to 2020-11-14");
    expect(all[16]).toBe("2022-01-16 to 2022-02-15");
  });
});

describe("statistics.md: with --window Nd, months are 30-day blocks", () => {
  it("makes 180d six blocks of 30 days either side", () => {
    // 2021-06-15 − 30 = 2021-05-16; − 180 = 2020-12-17; + 180 = 2021-12-12.
    const all = months("2021-06-15", { count: 180, unit: "d" }, 6);
    expect(all[5]).toBe("2021-05-16 to 2021-06-14");
    expect(all[0]).toBe("2020-12-17 to 2021-01-15");
    expect(all[7]).toBe("2021-06-16 to 2021-07-15");
    expect(all[12]).toBe("2021-11-13 to 2021-12-12");
  });

  it("stops the block at the window's edge: 182d is six blocks of 30 and one of 2 either side", () => {
    expect(windowMonths({ count: 182, unit: "d" })).toBe(7);
    // − 182d = 2020-12-15 (rule 3); the 7th block before is 2020-12-15 and 2020-12-16.
    const all = months("2021-06-15", { count: 182, unit: "d" }, 7);
    expect(all[0]).toBe("2020-12-15 to 2020-12-16");
    expect(all[1]).toBe("2020-12-17 to 2021-01-15");
    // + 182d = 2021-12-14: the 7th block after is 2021-12-13 and 2021-12-14.
    expect(all[14]).toBe("2021-12-13 to 2021-12-14");
  });

  it("counts blocks beyond the window on from its edge", () => {
    const all = months("2021-06-15", { count: 182, unit: "d" }, 8);
    expect(all[0]).toBe("2020-11-15 to 2020-12-14");
    expect(all[16]).toBe("2021-12-15 to 2022-01-13");
  });

  it("makes a window under 30 days one short block", () => {
    expect(months("2021-06-15", { count: 7, unit: "d" }, 1)).toEqual(["2021-06-08 to 2021-06-14", "2021-06-15 to 2021-06-15", "2021-06-16 to 2021-06-22"]);
  });
});

describe("monthAt: the month a day falls in", () => {
  const bounds = monthBounds(day("2021-03-31"), SIX_MONTHS, 6);
  const at = (iso: string) => monthAt(bounds, 0, 6, day(iso)) - 6;

  it("finds each month by its first and last day", () => {
    expect(at("2021-03-31")).toBe(0);
    expect(at("2021-03-30")).toBe(-1);
    expect(at("2021-02-28")).toBe(-1);
    expect(at("2021-02-27")).toBe(-2);
    expect(at("2021-04-01")).toBe(1);
    expect(at("2021-04-30")).toBe(1);
    expect(at("2021-05-01")).toBe(2);
    expect(at("2020-09-30")).toBe(-6);
    expect(at("2021-09-30")).toBe(6);
  });

  it("is −1 beyond month ±K", () => {
    expect(monthAt(bounds, 0, 6, day("2020-09-29"))).toBe(-1);
    expect(monthAt(bounds, 0, 6, day("2021-10-01"))).toBe(-1);
  });

  it("reads a patient's boundaries where they lie in a shared array", () => {
    const shared = new Int32Array(2 * bounds.length);
    shared.set(monthBounds(day("2021-06-15"), SIX_MONTHS, 6), 0);
    shared.set(bounds, bounds.length);
    expect(monthAt(shared, bounds.length, 6, day("2021-04-01"))).toBe(7);
    expect(monthAt(shared, 0, 6, day("2021-04-01"))).toBe(3);
  });
});

describe("windowOfMonth", () => {
  it("puts −W…−1 in pre, +1…+W in post, the index day by --index-day, and the rest in neither", () => {
    expect([-7, -6, -1, 0, 1, 6, 7].map((m) => windowOfMonth(m, 6, "exclude"))).toEqual([null, "pre", "pre", null, "post", "post", null]);
    expect(windowOfMonth(0, 6, "pre")).toBe("pre");
    expect(windowOfMonth(0, 6, "post")).toBe("post");
  });
});
