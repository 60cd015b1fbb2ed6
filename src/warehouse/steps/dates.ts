import type { DateSetting } from "../../extracts/dates.js";
import type { CivilDate } from "../../core/day.js";
import type { Dialect } from "../dialect.js";
import { DMY_DATE, ISO_DATE, ISO_SHAPE, TIME_OF_DAY } from "../../extracts/text-pattern.js";
import { missingSql } from "./read-rows.js";
import { type Sql, type Step } from "./step.js";

/** Where a date text is: a step and its column. */
export interface DateSource {
  step: string;
  column: string;
}

const daysInMonth = (y: string, m: string) =>
  `CASE WHEN ${m} IN (4, 6, 9, 11) THEN 30 WHEN ${m} = 2 THEN CASE WHEN (${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0 THEN 29 ELSE 28 END ELSE 31 END`;

/**
 * Every distinct date text the script meets, parsed once as `parseDate` (dates.ts) parses it: its
 * shape (`dateFormatOf`: ISO or D/M/YYYY, by its start), whether it is a day that exists in that
 * format with at most a time of day after it, the day, and whether it is a HES placeholder. A day is
 * checked to exist by its parts (months of 28 to 31 days, leap years), never by a dialect's lenient
 * parse, and made only then; year 0 is refused (no warehouse date type has it).
 */
export function datesStep(sources: readonly DateSource[], placeholders: readonly CivilDate[], d: Dialect, sql: Sql): Step {
  const texts = sources.map(({ step, column }) => `SELECT ${column} AS txt FROM ${sql.t(step)}`).join("\n  UNION ALL\n  ");
  const iso = d.literal("iso");
  const dmy = d.literal("dmy");
  const shaped = `SELECT txt, CASE WHEN ${d.startsWith("txt", ISO_SHAPE)} THEN ${iso} WHEN ${d.startsWith("txt", DMY_DATE)} THEN ${dmy} END AS shape
    FROM (SELECT DISTINCT txt FROM (\n  ${texts}\n  ) AS every_text WHERE NOT ${missingSql("txt", d)}) AS distinct_text`;
  // D/M/YYYY's slashes: after a day of one or two digits, then a month of one or two.
  const firstSlash = `SELECT txt, shape, CASE WHEN shape = ${iso} THEN 5 WHEN substring(txt, 2, 1) = ${d.literal("/")} THEN 2 ELSE 3 END AS p1 FROM (${shaped}) AS shaped`;
  const secondSlash = `SELECT txt, shape, p1, CASE WHEN shape = ${iso} THEN 8 WHEN substring(txt, p1 + 2, 1) = ${d.literal("/")} THEN p1 + 2 ELSE p1 + 3 END AS p2 FROM (${firstSlash}) AS first_slash`;
  const parts = `SELECT txt, shape,
      CASE WHEN shape = ${iso} THEN substring(txt, 1, 4) ELSE substring(txt, p2 + 1, 4) END AS y_text,
      CASE WHEN shape = ${iso} THEN substring(txt, 6, 2) ELSE substring(txt, p1 + 1, p2 - p1 - 1) END AS m_text,
      CASE WHEN shape = ${iso} THEN substring(txt, 9, 2) ELSE substring(txt, 1, p1 - 1) END AS d_text,
      CASE WHEN shape = ${iso} THEN ${sql.flag(d.fullMatch("substring(txt, 1, 10)", ISO_DATE))} WHEN shape = ${dmy} THEN 1 ELSE 0 END AS date_ok,
      CASE WHEN shape = ${iso} THEN substring(txt, 11, 4000) ELSE substring(txt, p2 + 5, 4000) END AS suffix
    FROM (${secondSlash}) AS second_slash`;
  const numbers = `SELECT txt, shape, date_ok,
      CASE WHEN date_ok = 1 THEN ${d.wholeNumber("y_text")} END AS y,
      CASE WHEN date_ok = 1 THEN ${d.wholeNumber("m_text")} END AS m,
      CASE WHEN date_ok = 1 THEN ${d.wholeNumber("d_text")} END AS d,
      CASE WHEN suffix = ${d.literal("")} THEN 1 WHEN ${d.fullMatch("suffix", TIME_OF_DAY)} THEN 1 ELSE 0 END AS suffix_ok
    FROM (${parts}) AS parts`;
  const checked = `SELECT txt, shape, y, m, d,
      CASE WHEN date_ok = 1 AND suffix_ok = 1 AND y >= 1 AND m >= 1 AND m <= 12 AND d >= 1 AND d <= ${daysInMonth("y", "m")} THEN 1 ELSE 0 END AS ok
    FROM (${numbers}) AS numbers`;
  const placeholder = placeholders.map(({ year, month, day }) => `(y = ${year} AND m = ${month} AND d = ${day})`).join(" OR ");
  const query = `SELECT txt, shape, ok, placeholder, CASE WHEN ok = 1 AND placeholder = 0 THEN ${d.makeDate("y", "m", "d")} END AS dt
  FROM (SELECT txt, shape, ok, y, m, d, CASE WHEN ok = 1 AND (${placeholder}) THEN 1 ELSE 0 END AS placeholder FROM (${checked}) AS checked) AS dated`;
  return { name: "dates", query };
}

/** A date text read in the column's format: it must be a day of that format (`auto`: of its own shape, one shape to a column, see long-form accounts). */
export function fitsSql(alias: string, format: DateSetting, d: Dialect): string {
  return format === "auto" ? `${alias}.ok = 1` : `(${alias}.ok = 1 AND ${alias}.shape = ${d.literal(format)})`;
}
