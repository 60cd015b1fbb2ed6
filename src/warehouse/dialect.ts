import type { SqlWords } from "../io/sql-words.js";
import type { TextPattern } from "../extracts/text-pattern.js";

/** The warehouses `prepost sql` writes for (docs/warehouse.md). */
export const DIALECTS = ["duckdb", "postgres", "tsql", "spark"] as const;
export type DialectName = (typeof DIALECTS)[number];

/**
 * What differs between the dialects, and nothing else: the script (sql-script.ts and the steps it
 * assembles) is written once over these words. Every condition is rendered for a `WHEN` or `WHERE`,
 * never as a value, since T-SQL has no boolean values; every value is text, a whole number or a date.
 */
export interface Dialect extends SqlWords {
  name: DialectName;
  /** A column of the user's table, by the name the config maps (quoted as the dialect quotes). */
  identifier(name: string): string;
  /** The name a step's temporary table goes by (T-SQL's start with #). */
  table(step: string): string;
  /** A column's value as text, trimmed of the five characters csv-parse trims; NULL stays NULL. `date`: the column may be a date type. */
  trimmedText(column: string, date: boolean): string;
  /** The whole text matches the pattern. */
  fullMatch(text: string, pattern: TextPattern): string;
  /** The text starts with something the pattern matches. */
  startsWith(text: string, pattern: TextPattern): string;
  /** Any character outside ASCII (whose upper or lower case the dialects, and JavaScript, may disagree on). */
  notAscii(text: string): string;
  /** A whole number from a text of at most nine digits (already checked). */
  wholeNumber(text: string): string;
  /** The date of year, month and day numbers (already checked to exist). */
  makeDate(year: string, month: string, day: string): string;
  /** Calendar months added, the day clamped to the month's end (evaluation.md rule 3): never DATEDIFF(month). */
  addMonths(date: string, months: number): string;
  addDays(date: string, days: number | string): string;
  /** Days from `from` to `to` (to − from). */
  daysBetween(from: string, to: string): string;
  /** A date as the whole number YYYYMMDD (for the coverage rows: no date leaves the warehouse as text a tool might take for a person's). */
  yyyymmdd(date: string): string;
  /** Rows counted, in a type wide enough for a national extract. */
  countRows: string;
  /** A sum of whole numbers, in that type. */
  sum(expression: string): string;
  /** The type of the result's text columns. */
  textType: string;
  /** The type of the result's numbers. */
  numberType: string;
  /** Statements that make a step's table from a query. */
  createTable(step: string, query: string): string[];
  /** Statements that drop a step's table where it is left from an earlier run (none where the dialect cannot say so safely). */
  dropIfLeft(step: string): string[];
  /** Statements that drop it at the end. */
  dropAtEnd(step: string): string[];
  /** Before the first step. */
  preamble: string[];
  /**
   * The long form is made a table of its own, the steps' tables dropped, and the script ends by
   * selecting it (a notebook cell shows its last statement's rows): that one table is left behind,
   * for the next run to replace.
   */
  resultTable: boolean;
}
