import type { IndexDayRule } from "../core/windows.js";
import { PLACE } from "../core/windows.js";
import { type DateFormat, HES_MISSING_DATES } from "../extracts/dates.js";
import { sqlInList, sqlString } from "../io/duckdb-session.js";

/**
 * The SQL of the DuckDB engine: one pass over an extract that validates, dates, places and counts
 * every row exactly as the stream engine does (evaluation.md inputs and rules 3-4), grouped by
 * subject and outcome so that only a few rows per subject come back.
 */

/** Why a row is not counted for anyone, or for its subject: codes after the window places 0-4. */
export const CODE = { excluded_category: 5, not_emergency: 6, later_episode: 7, missing_date: 8, others: 9 } as const;

/** How one extract's fields are read: SQL expressions over `source`, each giving text or NULL. */
export interface ExtractFields {
  /** The table function reading the extract where it lies (`read_csv(…)`, `read_parquet(…)`). */
  source: string;
  patientId: string;
  date: string;
  /** A&E: the attendance category ('' where the extract has no such column). */
  category?: string;
  /** Admissions: the admission method, and the episode order where a column is mapped. */
  method?: string;
  episode?: string;
  /** CSV: the header's last column, and one column past it, to catch rows of the wrong length. */
  lastField?: string;
  extraField?: string;
  /** A row the two CSV readers might read differently (see `csvFields`). */
  suspect?: string;
  /** The date field is a bare date (`whole`) or may carry a time after it (`prefix`). */
  dateKey: "whole" | "prefix";
}

/** What decides whether a valid row is countable. */
export interface CountingRules {
  dateFormat: DateFormat;
  indexDay: IndexDayRule;
  excludedCategories: readonly string[];
  emergencyMethods: readonly string[];
}

// dates.ts's TIME_OF_DAY, in RE2 syntax (RE2's full match is JS's ^…$ without the m flag).
const TIME_OF_DAY = "[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?";
const DATE_PATTERN: Record<DateFormat, string> = {
  iso: `[0-9]{4}-[0-9]{2}-[0-9]{2}(?:${TIME_OF_DAY})?`,
  dmy: `[0-9]{2}/[0-9]{2}/[0-9]{4}(?:${TIME_OF_DAY})?`,
};
const STRFTIME: Record<DateFormat, string> = { iso: "%Y-%m-%d", dmy: "%d/%m/%Y" };

/**
 * Every day from 1900 to 2099 written in the run's format, with its day number. Joining a date's
 * text to it is cheaper than parsing it, and a text found in it is a valid date of exactly that
 * format; anything else is parsed the slow, strict way.
 */
export function calendarSql(format: DateFormat): string {
  return `CREATE OR REPLACE TEMP TABLE calendar AS
    SELECT strftime(d, ${sqlString(STRFTIME[format])}) AS text, (CAST(d AS DATE) - DATE '1970-01-01')::INTEGER AS day
    FROM range(TIMESTAMP '1900-01-01', TIMESTAMP '2100-01-01', INTERVAL 1 DAY) AS t(d)`;
}

/** The subjects' windows, filled by an appender: the only copy of the referral index DuckDB holds. */
export const SUBJECTS_TABLE_SQL = `CREATE OR REPLACE TEMP TABLE subjects (
  patient_id VARCHAR, slot INTEGER, prior_start INTEGER, pre_start INTEGER, index_day INTEGER, post_end INTEGER)`;

/** parseDate's strict reading, for a text the calendar does not hold (a time, an odd year, a bad date). */
function strictDay(text: string, format: DateFormat): string {
  const day =
    format === "iso"
      ? `try_cast(left(${text}, 10) AS DATE)`
      : `CAST(try_strptime(left(${text}, 10), '%d/%m/%Y') AS DATE)`;
  return `CASE WHEN regexp_full_match(${text}, ${sqlString(DATE_PATTERN[format])}) THEN (${day} - DATE '1970-01-01')::INTEGER END`;
}

/** The row's day number, NULL where its date is not valid (parseDate's `INVALID_DATE`). */
function daySql(format: DateFormat): string {
  return `CASE
    WHEN calendar.day IS NOT NULL AND strlen(d) = 10 THEN calendar.day
    WHEN calendar.day IS NOT NULL THEN CASE WHEN regexp_full_match(substr(d, 11), ${sqlString(TIME_OF_DAY)}) THEN calendar.day END
    ELSE ${strictDay("d", format)} END`;
}

/** placeInWindows, in SQL. */
function placeSql(indexDay: IndexDayRule): string {
  const onIndexDay = indexDay === "exclude" ? PLACE.indexDay : indexDay === "pre" ? PLACE.pre : PLACE.post;
  return `CASE
    WHEN day = s.index_day THEN ${onIndexDay}
    WHEN day < s.index_day THEN CASE WHEN day >= s.pre_start THEN ${PLACE.pre} WHEN day >= s.prior_start THEN ${PLACE.prior} ELSE ${PLACE.outside} END
    WHEN day <= s.post_end THEN ${PLACE.post}
    ELSE ${PLACE.outside} END`;
}

const MISSING_DAYS = `(${[...HES_MISSING_DATES].join(", ")})`;

/** The reasons a subject's valid row is not countable, in the order the row parsers test them. */
function reasonsSql(fields: ExtractFields, rules: CountingRules): string[] {
  const reasons: string[] = [];
  if (fields.episode !== undefined) {
    // /^0*1$/: the first episode of a spell (HES writes EPIORDER as 01).
    reasons.push(`WHEN NOT (episode = '1' OR regexp_full_match(episode, '0*1')) THEN ${CODE.later_episode}`);
  }
  if (fields.method !== undefined) {
    reasons.push(`WHEN NOT (${sqlInList("upper(method)", rules.emergencyMethods)}) THEN ${CODE.not_emergency}`);
  }
  if (fields.category !== undefined) {
    reasons.push(`WHEN ${sqlInList("category", rules.excludedCategories)} THEN ${CODE.excluded_category}`);
  }
  reasons.push(`WHEN day IN ${MISSING_DAYS} THEN ${CODE.missing_date}`);
  return reasons;
}

/**
 * The one pass. Each result row is a (subject slot, code, missing date) group with its row count,
 * the earliest and latest day in it, and counts that show whether every row was valid and read
 * alike by both engines (`checks`): only then do the counts stand.
 */
export function tallySql(fields: ExtractFields, rules: CountingRules): string {
  const optional = (name: string, sql: string | undefined) => (sql === undefined ? [] : [`${sql} AS ${name}`]);
  const selected = [
    `${fields.patientId} AS patient_id`,
    `${fields.date} AS d`,
    ...optional("category", fields.category),
    ...optional("method", fields.method),
    ...optional("episode", fields.episode),
    ...optional("last_field", fields.lastField),
    ...optional("extra_field", fields.extraField),
    ...optional("suspect", fields.suspect),
  ];
  const key = fields.dateKey === "whole" ? "d" : "left(d, 10)";
  const checks = [
    "count(patient_id) AS with_patient_id",
    "count_if(patient_id = '') AS empty_patient_id",
    "count(day) AS with_day",
    ...(fields.category !== undefined ? ["count(category) AS with_category"] : []),
    ...(fields.method !== undefined ? ["count(method) AS with_method", "count_if(strlen(method) <> length(method)) AS non_ascii_method"] : []),
    ...(fields.episode !== undefined ? ["count(episode) AS with_episode"] : []),
    ...(fields.lastField !== undefined ? ["count(last_field) AS with_last_field"] : []),
    ...(fields.extraField !== undefined ? ["count(extra_field) AS with_extra_field"] : []),
    ...(fields.suspect !== undefined ? ["count_if(suspect) AS suspect_rows"] : []),
  ];
  return `WITH fields AS (
    SELECT ${selected.join(", ")} FROM ${fields.source}
  ), dated AS (
    SELECT fields.*, ${daySql(rules.dateFormat)} AS day
    FROM fields LEFT JOIN calendar ON calendar.text = ${key}
  ), placed AS (
    SELECT s.slot, dated.*, day IN ${MISSING_DAYS} AS missing,
      CASE WHEN s.slot IS NULL THEN ${CODE.others} ${reasonsSql(fields, rules).join(" ")} ELSE ${placeSql(rules.indexDay)} END AS code
    FROM dated LEFT JOIN subjects AS s ON s.patient_id = dated.patient_id
  )
  SELECT slot, code, missing, count(*) AS rows, min(day) AS earliest, max(day) AS latest, ${checks.join(", ")}
  FROM placed GROUP BY slot, code, missing`;
}
