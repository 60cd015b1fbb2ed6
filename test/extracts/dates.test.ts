import { describe, expect, it } from "vitest";
import { dayFromCivil } from "../../src/core/day.js";
import { dateFormatOf, INVALID_DATE, invalidDateReason, MISSING_DATE, parseDate } from "../../src/extracts/dates.js";
import { eventDayField, FieldIssue, requiredDayField } from "../../src/extracts/fields.js";

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

describe("D/M/YYYY: day and month of one or two digits, as Excel re-saves them", () => {
  it.each(["4/3/2021", "04/3/2021", "4/03/2021", "4/3/2021 9:05", "4/3/2021 09:05:00"])("reads %j as 4 March 2021", (text) =>
    expect(parseDate(text, "dmy")).toBe(march4),
  );
  it("reads 23/5/2021, which was refused before", () => expect(parseDate("23/5/2021", "dmy")).toBe(dayFromCivil(2021, 5, 23)));
  it.each(["4/3/21", "123/3/2021", "4/3/2021x", "4//2021", "4/3/20211"])("refuses %j", (text) => expect(parseDate(text, "dmy")).toBe(INVALID_DATE));
});

describe("auto: a value's shape tells its format", () => {
  it.each([
    ["2021-03-04", "iso"],
    ["2021-03-04 10:22:00.000", "iso"],
    ["4/3/2021", "dmy"],
    ["04/03/2021 10:22", "dmy"],
    ["2021/03/04", undefined],
    ["20210304", undefined],
    ["yesterday", undefined],
  ] as const)("%j is %s", (text, format) => expect(dateFormatOf(text)).toBe(format));
});

describe("why a value is not a date, in words that say what to do", () => {
  it("a US month/day order", () => expect(invalidDateReason("05/23/2021", "dmy")).toMatch(/month 23 does not exist \(a US month\/day order\?/));
  it("a day that does not exist", () => expect(invalidDateReason("2021-02-30", "iso")).toBe("is not a day that exists"));
  it("the other format", () => expect(invalidDateReason("04/03/2021", "iso")).toBe("is written D/M/YYYY, but dates here are read YYYY-MM-DD"));
  it("something after the date", () => expect(invalidDateReason("2021-03-04 junk", "iso")).toBe("is a date followed by something that is not a time of day"));
  it("nothing like a date", () => expect(invalidDateReason("yesterday", "iso")).toBe("is not a date in YYYY-MM-DD format"));
});

describe("a column read with auto keeps the format of its first date", () => {
  it("decides on the first value with a date's shape, and holds every later value to it", () => {
    const rule = eventDayField("auto");
    expect(rule.check("4/3/2021", 2)).toBe(march4);
    expect(rule.format).toBe("dmy");
    const later = rule.check("2021-03-04", 3);
    expect(later).toBeInstanceOf(FieldIssue);
    expect((later as FieldIssue).message).toBe(
      "is written YYYY-MM-DD, but dates here are read D/M/YYYY (this column's format, decided by its first date, on line 2)",
    );
  });
  it("04/03/2021 is 4 March, never 3 April, whatever comes after it", () => {
    const rule = eventDayField("auto");
    expect(rule.check("04/03/2021", 2)).toBe(march4);
    expect(rule.check("13/03/2021", 3)).toBe(dayFromCivil(2021, 3, 13));
  });
  it("a value that is no date decides nothing", () => {
    const rule = requiredDayField("auto");
    expect(rule.check("soon", 2)).toBeInstanceOf(FieldIssue);
    expect(rule.format).toBeUndefined();
    expect(rule.check("2021-03-04", 3)).toBe(march4);
  });
});
