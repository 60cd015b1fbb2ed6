import { type Day, dayFromCivil, isValidCivil } from "../core/day.js";

/** A date format an extract's column is read in: ISO `YYYY-MM-DD` or the UK order `D/M/YYYY`. */
export type DateFormat = "iso" | "dmy";
/** What a run is told: a format, or `auto` (each column decided from its first non-missing value). */
export type DateSetting = DateFormat | "auto";

/** The value is a date, but one HES uses to mean "no date" (see `HES_MISSING_DATES`). */
export const MISSING_DATE = Symbol("missing date");
/** The value does not fit the format, or names a day that does not exist. */
export const INVALID_DATE = Symbol("invalid date");

export type ParsedDate = Day | typeof MISSING_DATE | typeof INVALID_DATE;

/**
 * HES writes a missing date as 1800-01-01 and an invalid one as 1801-01-01; older files also use
 * 1600-01-01 and 1582-10-15. They are never real events, so they must neither be counted nor stretch
 * the inferred data coverage back two centuries.
 */
export const HES_MISSING_DATES: ReadonlySet<Day> = new Set([
  dayFromCivil(1800, 1, 1),
  dayFromCivil(1801, 1, 1),
  dayFromCivil(1600, 1, 1),
  dayFromCivil(1582, 10, 15),
]);

// Only the day counts, but what follows it must still look like a time, so that "2021-03-04x" or a
// second date glued on is refused rather than silently cut. Excel re-saves "09:05" as "9:05".
export const TIME_OF_DAY = /^[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

const ZERO = 48;

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - ZERO;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

function dayOrInvalid(year: number, month: number, dayOfMonth: number, rest: string): ParsedDate {
  if (year < 0 || month < 0 || dayOfMonth < 0) return INVALID_DATE;
  if (!isValidCivil(year, month, dayOfMonth)) return INVALID_DATE;
  if (rest.length > 0 && !TIME_OF_DAY.test(rest)) return INVALID_DATE;
  const day = dayFromCivil(year, month, dayOfMonth);
  return HES_MISSING_DATES.has(day) ? MISSING_DATE : day;
}

/** `YYYY-MM-DD`, optionally followed by a time of day. */
function parseIso(text: string): ParsedDate {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return INVALID_DATE;
  return dayOrInvalid(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2), text.slice(10));
}

const SLASH = 47;

/** `D/M/YYYY`, day and month of one or two digits (as Excel re-saves them), optionally with a time. */
function parseDmy(text: string): ParsedDate {
  const firstSlash = text.charCodeAt(1) === SLASH ? 1 : text.charCodeAt(2) === SLASH ? 2 : -1;
  if (firstSlash < 0) return INVALID_DATE;
  const secondSlash = text.charCodeAt(firstSlash + 2) === SLASH ? firstSlash + 2 : text.charCodeAt(firstSlash + 3) === SLASH ? firstSlash + 3 : -1;
  if (secondSlash < 0 || text.length < secondSlash + 5) return INVALID_DATE;
  const dayOfMonth = digitsAt(text, 0, firstSlash);
  const month = digitsAt(text, firstSlash + 1, secondSlash - firstSlash - 1);
  return dayOrInvalid(digitsAt(text, secondSlash + 1, 4), month, dayOfMonth, text.slice(secondSlash + 5));
}

/** Reads a trimmed date field in exactly the given format; never guesses another. */
export function parseDate(text: string, format: DateFormat): ParsedDate {
  return format === "iso" ? parseIso(text) : parseDmy(text);
}

const ISO_SHAPE = /^\d{4}-\d/;
const DMY_SHAPE = /^\d{1,2}\/\d{1,2}\/\d{4}/;

/**
 * The format a value is written in, by its shape alone (`auto` decides a column from its first
 * non-missing value): `2021-03-04…` is ISO, `4/3/2021…` the UK order; undefined for anything else.
 */
export function dateFormatOf(text: string): DateFormat | undefined {
  return ISO_SHAPE.test(text) ? "iso" : DMY_SHAPE.test(text) ? "dmy" : undefined;
}

export function describeDateFormat(format: DateFormat): string {
  return format === "iso" ? "YYYY-MM-DD" : "D/M/YYYY";
}

/**
 * Why a non-empty value is not a date in the format, in words an analyst can act on: a day that
 * does not exist, a month over 12 in a slash date (a US month/day order), or another shape.
 */
export function invalidDateReason(text: string, format: DateFormat): string {
  const shape = dateFormatOf(text);
  if (shape === "dmy" && format === "dmy") {
    const [day, month] = text.split("/").map(Number) as [number, number];
    if (month > 12 && day <= 12) return `is not a date: month ${month} does not exist (a US month/day order? dates are read D/M/YYYY)`;
    if (month > 12 || month < 1) return `is not a date: month ${month} does not exist`;
  }
  if (shape === format) {
    const datePart = format === "iso" ? text.slice(0, 10) : DMY_SHAPE.exec(text)![0];
    return parseDate(datePart, format) === INVALID_DATE
      ? "is not a day that exists"
      : "is a date followed by something that is not a time of day";
  }
  const other = format === "iso" ? "dmy" : "iso";
  if (shape === other) return `is written ${describeDateFormat(other)}, but dates here are read ${describeDateFormat(format)}`;
  return `is not a date in ${describeDateFormat(format)} format`;
}

/** Dates given in flags and the config file are always ISO, whatever the extracts use. */
export function parseIsoSetting(text: string): Day | undefined {
  const parsed = parseIso(text.trim());
  return typeof parsed === "number" && text.trim().length === 10 ? parsed : undefined;
}
