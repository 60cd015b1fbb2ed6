import { describe, expect, it } from "vitest";
import { formatDataError, maskIdentifiers } from "../../src/errors.js";

// 999 234 5675 is in the never-issued 999 range, with a valid check digit: nobody's number.
describe("a value that could be an NHS number is masked in any common spelling", () => {
  it.each([
    ["9992345675", "********75"],
    ["999 234 5675", "********75"],
    ["999-234-5675", "********75"],
    ["999  234  5675", "********75"],
    ["999.234.5675", "********75"],
    ["999_234_5675", "********75"],
    ["(999) 234 5675", "********75"],
    ["999\u00A0234\u00A05675", "********75"],
    ["\uFF19\uFF19\uFF19\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF15", "********\uFF17\uFF15"],
    ["patient 9992345675 moved", "patient ********75 moved"],
  ])("%j", (text, masked) => expect(maskIdentifiers(text)).toBe(masked));
});

describe("a date is shown as it is", () => {
  it.each(["2021-03-04 00:00:00.000", "2021-03-04T10:22:00", "04/03/2021 10:22", "2021-03-04", "20210304", "12345678901"])("%j", (text) =>
    expect(maskIdentifiers(text)).toBe(text),
  );
  it("in a message about a date (the bug: ********00:00:00.000)", () => {
    const message = formatDataError({
      code: "invalid_value",
      file: "ae.csv",
      line: 3,
      column: "arrival_date",
      value: "2021-03-04 00:00:00.000",
      message: "is written YYYY-MM-DD, but dates here are read D/M/YYYY",
    });
    expect(message).toBe('ae.csv:3: arrival_date: is written YYYY-MM-DD, but dates here are read D/M/YYYY ("2021-03-04 00:00:00.000")');
  });
});
