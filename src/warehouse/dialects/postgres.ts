import { sqlIdentifier, sqlString } from "../../io/duckdb-session.js";
import type { Dialect } from "../dialect.js";
import { anchored, anchoredStart, TRIMMED_CODES, yyyymmddOf } from "./regex-dialect.js";

const TRIMMED = TRIMMED_CODES.map((code) => `chr(${code})`).join(" || ");

/** PostgreSQL 12 and later (standard_conforming_strings on, the default since 9.1). */
export const postgres: Dialect = {
  name: "postgres",
  literal: sqlString,
  identifier: sqlIdentifier,
  table: (step) => `pp_${step}`,
  trimmedText: (column) => `btrim(CAST(${column} AS TEXT), ${TRIMMED})`,
  fullMatch: (text, pattern) => `${text} ~ ${sqlString(anchored(pattern))}`,
  startsWith: (text, pattern) => `${text} ~ ${sqlString(anchoredStart(pattern))}`,
  notAscii: (text) => `${text} ~ '[^\\x01-\\x7F]'`,
  wholeNumber: (text) => `CAST(${text} AS BIGINT)`,
  makeDate: (year, month, day) => `make_date(CAST(${year} AS INTEGER), CAST(${month} AS INTEGER), CAST(${day} AS INTEGER))`,
  // date + interval is a timestamp; the interval clamps the day to the month's end.
  addMonths: (date, months) => `CAST(${date} + INTERVAL '${months} months' AS DATE)`,
  addDays: (date, days) => `CAST(${date} + CAST(${days} AS INTEGER) AS DATE)`,
  daysBetween: (from, to) => `CAST(${to} - ${from} AS BIGINT)`,
  yyyymmdd: (date) => yyyymmddOf(`CAST(EXTRACT(YEAR FROM ${date}) AS BIGINT)`, `CAST(EXTRACT(MONTH FROM ${date}) AS BIGINT)`, `CAST(EXTRACT(DAY FROM ${date}) AS BIGINT)`),
  countRows: "CAST(count(*) AS BIGINT)",
  sum: (expression) => `CAST(sum(${expression}) AS BIGINT)`,
  textType: "TEXT",
  numberType: "BIGINT",
  createTable: (step, query) => [`CREATE TEMP TABLE pp_${step} AS\n${query}`],
  dropIfLeft: (step) => [`DROP TABLE IF EXISTS pp_${step}`],
  dropAtEnd: (step) => [`DROP TABLE pp_${step}`],
  // DROP TABLE IF EXISTS says when there was nothing to drop: a notice per table, not a problem.
  preamble: ["SET client_min_messages = warning"],
  resultTable: false,
};
