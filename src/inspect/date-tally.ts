import { civilFromDay, type Day } from "../core/day.js";
import { type DateFormat, dateFormatOf, INVALID_DATE, MISSING_DATE, parseDate } from "../extracts/dates.js";

/**
 * What one column's values say about dates, tallied value by value in constant memory: how many
 * are written in each format, which do not fit the column's format (decided, as `dateFormat: auto`
 * decides it, from the first date-shaped value), and the range of real dates.
 */
export interface DateTally {
  /** The first date-shaped value's format. */
  format: DateFormat | undefined;
  iso: number;
  dmy: number;
  withTime: number;
  hesMissing: number;
  /** A slash date whose second part is over 12 and first is not (a US month/day order). */
  usOrder: number;
  firstUsOrderLine: number;
  /** Date-shaped, in the column's format, but not a day that exists (2021-02-30) or followed by what is not a time. */
  invalid: number;
  firstInvalidLine: number;
  /** Written in the other format than the column's. */
  otherFormat: number;
  firstOtherFormatLine: number;
  /** Filled values that are no date at all. */
  notDate: number;
  firstNotDateLine: number;
  earliest: Day | undefined;
  latest: Day | undefined;
}

export function newDateTally(): DateTally {
  return {
    format: undefined, iso: 0, dmy: 0, withTime: 0, hesMissing: 0, usOrder: 0, firstUsOrderLine: 0, invalid: 0, firstInvalidLine: 0,
    otherFormat: 0, firstOtherFormatLine: 0, notDate: 0, firstNotDateLine: 0, earliest: undefined, latest: undefined,
  };
}

const DATE_PART = { iso: /^\d{4}-\d{2}-\d{2}/, dmy: /^\d{1,2}\/\d{1,2}\/\d{4}/ } as const;

/** `13/25/2021`-like: a day-first reading fails on the month, a month-first one would not. */
function isUsOrder(text: string): boolean {
  const [first, second] = text.split("/").map(Number) as [number, number];
  return second > 12 && first >= 1 && first <= 12;
}

/** Tallies one filled (not missing) value. */
export function tallyDate(tally: DateTally, text: string, line: number): void {
  const shape = dateFormatOf(text);
  if (shape === undefined) {
    if (tally.notDate++ === 0) tally.firstNotDateLine = line;
    return;
  }
  tally[shape]++;
  tally.format ??= shape;
  if (shape !== tally.format) {
    if (tally.otherFormat++ === 0) tally.firstOtherFormatLine = line;
    return;
  }
  const datePart = DATE_PART[shape].exec(text)?.[0] ?? text;
  if (datePart.length < text.length) tally.withTime++;
  const parsed = parseDate(text, shape);
  if (parsed === MISSING_DATE) tally.hesMissing++;
  else if (parsed === INVALID_DATE) {
    if (shape === "dmy" && isUsOrder(datePart)) {
      if (tally.usOrder++ === 0) tally.firstUsOrderLine = line;
    } else if (tally.invalid++ === 0) tally.firstInvalidLine = line;
  } else {
    if (tally.earliest === undefined || parsed < tally.earliest) tally.earliest = parsed;
    if (tally.latest === undefined || parsed > tally.latest) tally.latest = parsed;
  }
}

/** Values that were date-shaped (either format). */
export const dateShaped = (tally: DateTally) => tally.iso + tally.dmy;

/** `2021-03`: a month, not anyone's day. */
export function monthOf(day: Day | undefined): string | null {
  if (day === undefined) return null;
  const { year, month } = civilFromDay(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}
