import { isMissingToken } from "../extracts/missing-values.js";
import { type DateTally, newDateTally, tallyDate } from "./date-tally.js";

/**
 * Distinct values tracked per column: beyond this many a column is identifier-like (or free text),
 * its values are dropped and only counted, so that memory does not grow with the rows.
 */
export const DISTINCT_CAP = 50;

/** Ten digits, or 3-3-4 with spaces or dashes, and nothing else (evaluation.md: what is masked). */
const NHS_NUMBER_LIKE = /^(?:\d{10}|\d{3}([ -])\d{3}\1\d{4})$/;
const WHOLE_NUMBER = /^[+-]?\d{1,15}$/;

/** Everything `inspect` learns of one column, tallied value by value. */
export interface ColumnTally {
  name: string;
  filled: number;
  empty: number;
  tokens: { NULL: number; NA: number; "N/A": number };
  /** Value → rows, until there are more than `DISTINCT_CAP`; then undefined. */
  values: Map<string, number> | undefined;
  nhsNumberLike: number;
  wholeNumbers: number;
  min: number;
  max: number;
  dates: DateTally;
}

export function newColumnTally(name: string): ColumnTally {
  return {
    name, filled: 0, empty: 0, tokens: { NULL: 0, NA: 0, "N/A": 0 }, values: new Map(), nhsNumberLike: 0,
    wholeNumbers: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, dates: newDateTally(),
  };
}

function tallyValue(tally: ColumnTally, value: string): void {
  const values = tally.values;
  if (values === undefined) return;
  const rows = values.get(value);
  if (rows !== undefined) values.set(value, rows + 1);
  else if (values.size < DISTINCT_CAP) values.set(value, 1);
  else tally.values = undefined;
}

/** Tallies one (trimmed) field; `line` is where its row starts. */
export function tallyField(tally: ColumnTally, field: string, line: number): void {
  if (field.length === 0) {
    tally.empty++;
    return;
  }
  if (isMissingToken(field)) {
    tally.tokens[field.toUpperCase() as keyof ColumnTally["tokens"]]++;
    return;
  }
  tally.filled++;
  tallyValue(tally, field);
  if (NHS_NUMBER_LIKE.test(field)) tally.nhsNumberLike++;
  if (WHOLE_NUMBER.test(field)) {
    const number = Number(field);
    tally.wholeNumbers++;
    if (number < tally.min) tally.min = number;
    if (number > tally.max) tally.max = number;
  }
  // Only a field starting with a digit can be a date: the others are tallied as no date at once.
  const first = field.charCodeAt(0);
  if (first >= 48 && first <= 57) tallyDate(tally.dates, field, line);
  else if (tally.dates.notDate++ === 0) tally.dates.firstNotDateLine = line;
}
