import { type Day, dayFromCivil, isValidCivil } from "../core/day.js";

export type DateFormat = "iso" | "dmy";

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
// second date glued on is refused rather than silently cut.
const TIME_OF_DAY = /^[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

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

/** `DD/MM/YYYY`, optionally followed by a time of day. */
function parseDmy(text: string): ParsedDate {
  if (text.length < 10 || text.charCodeAt(2) !== 47 || text.charCodeAt(5) !== 47) return INVALID_DATE;
  return dayOrInvalid(digitsAt(text, 6, 4), digitsAt(text, 3, 2), digitsAt(text, 0, 2), text.slice(10));
}

/** Reads a trimmed date field in exactly the given format; never guesses another. */
export function parseDate(text: string, format: DateFormat): ParsedDate {
  return format === "iso" ? parseIso(text) : parseDmy(text);
}

export function describeDateFormat(format: DateFormat): string {
  return format === "iso" ? "YYYY-MM-DD" : "DD/MM/YYYY";
}

/** Dates given in flags and the config file are always ISO, whatever the extracts use. */
export function parseIsoSetting(text: string): Day | undefined {
  const parsed = parseIso(text.trim());
  return typeof parsed === "number" && text.trim().length === 10 ? parsed : undefined;
}
