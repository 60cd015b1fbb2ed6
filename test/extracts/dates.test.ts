import { describe, expect, it } from "vitest";
import { dayFromCivil } from "../../src/core/day.js";
import { INVALID_DATE, MISSING_DATE, parseDate } from "../../src/extracts/dates.js";

const march4 = dayFromCivil(2021, 3, 4);

describe("dates are YYYY-MM-DD by default", () => {
  it("reads a date", () => expect(parseDate("2021-03-04", "iso")).toBe(march4));
  it.each(["2021-03-04T10:22:00", "2021-03-04 10:22:00.000", "2021-03-04T10:22", "2021-03-04T10:22:00Z", "2021-03-04T10:22:00+01:00"])(
    "only the day of a date-time counts: %s",
    (text) => expect(parseDate(text, "iso")).toBe(march4),
  );
  it.each(["2021-02-30", "2021-13-01", "2021-00-10", "2021-3-4", "04/03/2021", "2021/03/04", "20210304", "2021-03-04x", "2021-03-04 junk", "", "yesterday"])(
    "refuses %j",
    (text) => expect(parseDate(text, "iso")).toBe(INVALID_DATE),
  );
  it("knows 29 February only in leap years", () => {
    expect(parseDate("2020-02-29", "iso")).toBe(dayFromCivil(2020, 2, 29));
    expect(parseDate("2021-02-29", "iso")).toBe(INVALID_DATE);
  });
});

describe("--date-format dmy reads DD/MM/YYYY", () => {
  it("reads a date and a date-time", () => {
    expect(parseDate("04/03/2021", "dmy")).toBe(march4);
    expect(parseDate("04/03/2021 10:22", "dmy")).toBe(march4);
    expect(parseDate("04/03/2021 10:22:00", "dmy")).toBe(march4);
  });
  it("never guesses another format", () => {
    expect(parseDate("2021-03-04", "dmy")).toBe(INVALID_DATE);
    expect(parseDate("4/3/2021", "dmy")).toBe(INVALID_DATE);
    expect(parseDate("31/02/2021", "dmy")).toBe(INVALID_DATE);
    expect(parseDate("03/31/2021", "dmy")).toBe(INVALID_DATE);
  });
});

describe("HES missing-date placeholders are missing, never real", () => {
  it.each(["1800-01-01", "1801-01-01", "1600-01-01", "1582-10-15", "1800-01-01 00:00:00"])("%s", (text) => {
    expect(parseDate(text, "iso")).toBe(MISSING_DATE);
  });
  it("in dmy too", () => expect(parseDate("01/01/1800", "dmy")).toBe(MISSING_DATE));
  it("a nearby real date is real", () => expect(parseDate("1800-01-02", "iso")).toBe(dayFromCivil(1800, 1, 2)));
});
