import type { Dialect } from "../dialect.js";
import { anchored, anchoredStart, TRIMMED_CODES, yyyymmddOf } from "./regex-dialect.js";

/**
 * A Spark string literal: Spark reads a backslash as an escape and joins `'a''b'` into `ab`, so a
 * quote and a backslash are escaped with a backslash, and what cannot be typed as itself is `\uXXXX`.
 */
function literal(text: string): string {
  return `'${text.replace(/[\\']/g, "\\$&").replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}'`;
}

const TRIMMED = literal(String.fromCharCode(...TRIMMED_CODES));

/**
 * Spark SQL 3 and later (Databricks), ANSI mode off (the default outside Databricks SQL warehouses),
 * in a schema the user may create tables in (each step's, dropped at the end but for the result's):
 * `add_months` clamps to the month's end only from Spark 3 (Spark 2 and Hive keep it at the end).
 */
export const spark: Dialect = {
  name: "spark",
  literal,
  identifier: (name) => `\`${name.replaceAll("`", "``")}\``,
  table: (step) => `pp_${step}`,
  trimmedText: (column) => `trim(BOTH ${TRIMMED} FROM CAST(${column} AS STRING))`,
  fullMatch: (text, pattern) => `${text} RLIKE ${literal(anchored(pattern))}`,
  startsWith: (text, pattern) => `${text} RLIKE ${literal(anchoredStart(pattern))}`,
  notAscii: (text) => `${text} RLIKE ${literal("[^\\x01-\\x7F]")}`,
  wholeNumber: (text) => `CAST(${text} AS BIGINT)`,
  makeDate: (year, month, day) => `make_date(CAST(${year} AS INT), CAST(${month} AS INT), CAST(${day} AS INT))`,
  addMonths: (date, months) => `add_months(${date}, ${months})`,
  addDays: (date, days) => `date_add(${date}, ${days})`,
  daysBetween: (from, to) => `CAST(datediff(${to}, ${from}) AS BIGINT)`,
  yyyymmdd: (date) => yyyymmddOf(`CAST(year(${date}) AS BIGINT)`, `month(${date})`, `day(${date})`),
  countRows: "CAST(count(*) AS BIGINT)",
  sum: (expression) => `CAST(sum(${expression}) AS BIGINT)`,
  textType: "STRING",
  numberType: "BIGINT",
  // Tables, not (cached) views: each view would carry every step before it, which Spark analyses
  // again at every use; a chain of twenty ran a local Spark out of memory. A table starts afresh.
  createTable: (step, query) => [`CREATE TABLE pp_${step} AS\n${query}`],
  dropIfLeft: (step) => [`DROP TABLE IF EXISTS pp_${step}`],
  dropAtEnd: (step) => [`DROP TABLE pp_${step}`],
  preamble: ["SET spark.sql.ansi.enabled = false"],
  resultTable: true,
};
