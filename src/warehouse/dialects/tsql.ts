import type { Dialect } from "../dialect.js";
import { toLikePatterns, type TextPattern } from "../../extracts/text-pattern.js";
import { TRIMMED_CODES, yyyymmddOf } from "./regex-dialect.js";

/** Unicode literals: a plain one is converted to the database's code page, which may not hold the text. */
const literal = (text: string) => `N'${text.replaceAll("'", "''")}'`;

/**
 * Values compare as the spec says (an exact string: `p1` is not `P1`, nor `p1 `): a binary
 * collation, where the database's default would ignore case.
 */
const BINARY = "COLLATE Latin1_General_100_BIN2";
/** The widest text that is not VARCHAR(MAX), which Synapse's temporary tables refuse. */
const TEXT = "NVARCHAR(4000)";
const TRIMMED = TRIMMED_CODES.map((code) => `NCHAR(${code})`).join(" + ");

function likeAny(text: string, patterns: readonly string[]): string {
  return `(${patterns.map((pattern) => `${text} LIKE ${literal(pattern)}`).join(" OR ")})`;
}

/**
 * SQL Server 2017 and later, and the subset Azure Synapse's dedicated pools run: no `DROP TABLE IF
 * EXISTS`, no `IIF`, no `VARCHAR(MAX)`, no `GREATEST`; temporary tables `#pp_…`, dropped at the end.
 * No regular expressions: a pattern is the union of its `LIKE` expansions (text-pattern.ts).
 */
export const tsql: Dialect = {
  name: "tsql",
  literal,
  identifier: (name) => `[${name.replaceAll("]", "]]")}]`,
  table: (step) => `#pp_${step}`,
  // Style 126 writes a date or datetime column as ISO 8601 (text columns are as they are), never as `Mar  4 2021`.
  trimmedText: (column, date) => `TRIM(${TRIMMED} FROM ${date ? `CONVERT(${TEXT}, ${column}, 126)` : `CAST(${column} AS ${TEXT})`} ${BINARY})`,
  fullMatch: (text, pattern: TextPattern) => likeAny(text, toLikePatterns(pattern)),
  startsWith: (text, pattern: TextPattern) => likeAny(text, toLikePatterns(pattern).map((like) => `${like}%`)),
  notAscii: (text) => `${text} LIKE N'%[^' + NCHAR(1) + N'-' + NCHAR(127) + N']%' ${BINARY}`,
  wholeNumber: (text) => `TRY_CAST(${text} AS BIGINT)`,
  makeDate: (year, month, day) => `DATEFROMPARTS(${year}, ${month}, ${day})`,
  addMonths: (date, months) => `DATEADD(month, ${months}, ${date})`,
  addDays: (date, days) => `DATEADD(day, ${days}, ${date})`,
  // Days only: DATEDIFF(day) counts midnights, exactly the days between two dates.
  daysBetween: (from, to) => `CAST(DATEDIFF(day, ${from}, ${to}) AS BIGINT)`,
  yyyymmdd: (date) => yyyymmddOf(`CAST(YEAR(${date}) AS BIGINT)`, `MONTH(${date})`, `DAY(${date})`),
  countRows: "COUNT_BIG(*)",
  sum: (expression) => `SUM(CAST(${expression} AS BIGINT))`,
  textType: TEXT,
  numberType: "BIGINT",
  createTable: (step, query) => [`SELECT * INTO #pp_${step} FROM (\n${query}\n) AS q`],
  dropIfLeft: (step) => [`IF OBJECT_ID('tempdb..#pp_${step}') IS NOT NULL DROP TABLE #pp_${step}`],
  dropAtEnd: (step) => [`DROP TABLE #pp_${step}`],
  preamble: ["SET NOCOUNT ON"],
  resultTable: false,
};
