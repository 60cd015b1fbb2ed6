import { describe, expect, it } from "vitest";
import { TIME_OF_DAY as TIME_REGEX } from "../../src/extracts/dates.js";
import { DMY_DATE, ISO_DATE, TIME_OF_DAY, toLikePatterns, toRegex } from "../../src/extracts/text-pattern.js";

/** T-SQL's LIKE, for the patterns toLikePatterns writes (`[set]`, `[0-9]`, literals; no % or _). */
function like(text: string, pattern: string): boolean {
  const source = pattern.replace(/\[([^\]]+)\]|([^[])/g, (_, set: string | undefined, literal: string | undefined) =>
    set !== undefined ? `[${set.replace(/\\/g, "\\\\")}]` : literal!.replace(/[\\^$.*+?()|{}]/g, "\\$&"),
  );
  return new RegExp(`^${source}$`).test(text);
}

describe("the SQL's text patterns are the TypeScript rules' own", () => {
  it("the time of day renders to dates.ts's TIME_OF_DAY, character for character", () => {
    expect(`^${toRegex(TIME_OF_DAY, "\\d")}$`).toBe(TIME_REGEX.source);
  });

  // Texts at the edges of the rule, the valid and the not: a time's hour of one or two digits,
  // seconds, up to nine digits of fraction, a zone or none; and what is not a time.
  const texts = [
    "T10:22", " 9:05", "T10:22:00", " 10:22:00.000", "T10:22:00.123456789", "T10:22:00.1234567890", " 10:22:01,5",
    "T23:59:59Z", " 12:00:00+01:00", " 12:00:00+0100", " 12:00:00+01", " 12:00:00+1", "T25:00", " 10", "x", " 10:22:00 ", "T10:2", "T101:22", "T10:22Z",
  ];
  it.each(texts)("T-SQL's LIKE expansion matches %j exactly when the regular expression does", (text) => {
    const patterns = toLikePatterns(TIME_OF_DAY);
    expect(patterns.some((pattern) => like(text, pattern))).toBe(TIME_REGEX.test(text));
  });

  it("dates: YYYY-MM-DD and D/M/YYYY with days and months of one or two digits", () => {
    expect(toLikePatterns(ISO_DATE)).toEqual(["[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"]);
    expect(toLikePatterns(DMY_DATE)).toHaveLength(4);
    expect(new RegExp(`^${toRegex(DMY_DATE)}$`).test("4/3/2021")).toBe(true);
    expect(new RegExp(`^${toRegex(DMY_DATE)}$`).test("04/03/21")).toBe(false);
  });
});
