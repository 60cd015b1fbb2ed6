import { describe, expect, it } from "vitest";
import { formatDataError, maskIdentifiers } from "../../src/errors.js";

// Every spelling of a number is in test/text/mask-identifiers.test.ts; here, what issue 14 found:
// a date-time in a message was masked as if it were an NHS number.
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
