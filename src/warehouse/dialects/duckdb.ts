import { sqlIdentifier, sqlString, TRIMMED_CHARACTERS } from "../../io/duckdb-session.js";
import type { Dialect } from "../dialect.js";
import { anchored, anchoredStart, yyyymmddOf } from "./regex-dialect.js";

/** DuckDB (the embedded engine's own, and a DuckDB file or MotherDuck). */
export const duckdb: Dialect = {
  name: "duckdb",
  literal: sqlString,
  identifier: sqlIdentifier,
  table: (step) => `pp_${step}`,
  trimmedText: (column) => `trim(CAST(${column} AS VARCHAR), ${sqlString(TRIMMED_CHARACTERS)})`,
  fullMatch: (text, pattern) => `regexp_matches(${text}, ${sqlString(anchored(pattern))})`,
  startsWith: (text, pattern) => `regexp_matches(${text}, ${sqlString(anchoredStart(pattern))})`,
  notAscii: (text) => `regexp_matches(${text}, '[^\\x01-\\x7F]')`,
  wholeNumber: (text) => `CAST(${text} AS BIGINT)`,
  makeDate: (year, month, day) => `make_date(CAST(${year} AS BIGINT), CAST(${month} AS BIGINT), CAST(${day} AS BIGINT))`,
  // DATE + INTERVAL is a TIMESTAMP in DuckDB; the interval clamps the day to the month's end.
  addMonths: (date, months) => `CAST(${date} + INTERVAL (${months}) MONTH AS DATE)`,
  addDays: (date, days) => `CAST(${date} + CAST(${days} AS INTEGER) AS DATE)`,
  daysBetween: (from, to) => `CAST(${to} - ${from} AS BIGINT)`,
  yyyymmdd: (date) => yyyymmddOf(`year(${date})`, `month(${date})`, `day(${date})`),
  countRows: "CAST(count(*) AS BIGINT)",
  sum: (expression) => `CAST(sum(${expression}) AS BIGINT)`,
  textType: "VARCHAR",
  numberType: "BIGINT",
  createTable: (step, query) => [`CREATE TEMP TABLE pp_${step} AS\n${query}`],
  dropIfLeft: (step) => [`DROP TABLE IF EXISTS pp_${step}`],
  dropAtEnd: (step) => [`DROP TABLE pp_${step}`],
  preamble: [],
  resultTable: false,
};
