import { describe, expect, it } from "vitest";
import { isOverSkipLimit } from "../../src/extracts/skip-limit.js";

// evaluation.md, bad input: "when more than 1% of an extract's rows (and more than 10) are invalid
// … the run stops all the same; --max-invalid N or N% sets another limit".
describe("the limit on skipping: more than 1% of an extract's rows and more than 10, by default", () => {
  it.each([
    // invalid, rows, over?
    [10, 100, false], // 10%, but not more than 10
    [11, 100, true], // 11%, and 11 > 10
    [11, 1100, false], // exactly 1%: not more than 1%
    [11, 1099, true], // 1.0009%
    [12, 2000, false], // 0.6%
    [0, 0, false],
  ])("%d invalid of %d rows read: over = %s", (invalid, rows, over) => {
    expect(isOverSkipLimit(invalid, rows, null)).toBe(over);
  });
});

describe("the limit on skipping: --max-invalid N is a count of rows", () => {
  it.each([
    [5, 10, 5, false],
    [6, 10, 5, true],
    [1, 1_000_000, 0, true], // 0: no invalid row may be skipped
    [11, 100, 20, false], // above the default rule, under the count given
  ])("%d invalid of %d rows with --max-invalid %d: over = %s", (invalid, rows, max, over) => {
    expect(isOverSkipLimit(invalid, rows, max)).toBe(over);
  });

  it("reads a count given as text (a config's \"50\") as a count", () => {
    expect(isOverSkipLimit(50, 60, "50")).toBe(false);
    expect(isOverSkipLimit(51, 60, "50")).toBe(true);
  });
});

describe("the limit on skipping: --max-invalid N% is a share of the extract's rows, and only that", () => {
  it.each([
    [2, 100, "2%", false], // exactly 2%
    [3, 100, "2%", true], // 3% > 2%, though only 3 rows (the default's floor of 10 does not apply)
    [1, 200, "0.5%", false],
    [2, 200, "0.5%", true],
    [60, 100, "50%", true],
  ])("%d invalid of %d rows with --max-invalid %s: over = %s", (invalid, rows, max, over) => {
    expect(isOverSkipLimit(invalid, rows, max)).toBe(over);
  });
});
