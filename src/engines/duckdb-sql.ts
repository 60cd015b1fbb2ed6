import type { IndexDayRule } from "../core/windows.js";
import { PLACE } from "../core/windows.js";
import { type DateFormat, HES_MISSING_DATES } from "../extracts/dates.js";
import { spellRepeatsSql } from "../core/spell-repeats.js";
import { listSeesMissing, missingAsEmptySql } from "../extracts/missing-values.js";
import { sqlInList, sqlString } from "../io/duckdb-session.js";

/**
 * The SQL of the DuckDB engine: one pass over an extract that validates, dates, places and counts
 * every row exactly as the stream engine does (evaluation.md inputs and rules 3-4), grouped by
 * subject and outcome so that only a few rows per subject come back.
 */

/**
 * What became of a row: a window place (0-4), a reason its subject cannot count it, someone else's
 * row, or a row the engine cannot vouch for (`unsure`: invalid, or read differently by csv-parse).
 * A row whose date is a HES placeholder gets `MISSING_DAY` added, so that its day never counts
 * towards the data coverage: only places never have one, and `missing_date` always does.
 */
export const CODE = { excluded_category: 5, not_emergency: 6, later_episode: 7, missing_date: 8, others: 9, unsure: 10 } as const;
export const MISSING_DAY = 100;

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
  /** A row the two CSV readers might read differently (see `csvRead` in duckdb-fields.ts). */
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
const TIME_OF_DAY = "[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?";
const DATE_PATTERN: Record<DateFormat, string> = {
  iso: `[0-9]{4}-[0-9]{2}-[0-9]{2}(?:${TIME_OF_DAY})?`,
  dmy: `[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}(?:${TIME_OF_DAY})?`,
};
const STRFTIME: Record<DateFormat, string> = { iso: "%Y-%m-%d", dmy: "%d/%m/%Y" };

/**
 * Every day from 1900 to 2099 written in one format, with its day number (made once a session). Joining a date's
 * text to it is cheaper than parsing it, and a text found in it is a valid date of exactly that
 * format; anything else is parsed the slow, strict way.
 */
export function calendarSql(format: DateFormat): string {
  return `CREATE TEMP TABLE IF NOT EXISTS calendar_${format} AS
    SELECT strftime(d, ${sqlString(STRFTIME[format])}) AS text, (CAST(d AS DATE) - DATE '1970-01-01')::INTEGER AS day
    FROM range(TIMESTAMP '1900-01-01', TIMESTAMP '2100-01-01', INTERVAL 1 DAY) AS t(d)`;
}

/** The slot of the missing-value tokens in the subjects table: a row there has no patient (missing-values.ts). */
export const TOKEN_SLOT = -1;

/** The subjects' windows, filled by an appender: the only copy of the referral index DuckDB holds. */
export const SUBJECTS_TABLE_SQL = `CREATE OR REPLACE TEMP TABLE subjects (
  patient_id VARCHAR, slot INTEGER, prior_start INTEGER, pre_start INTEGER, index_day INTEGER, post_end INTEGER)`;

/** parseDate's strict reading, for a text the calendar does not hold (a time, an odd year, a bad date). */
function strictDay(text: string, format: DateFormat): string {
  const day =
    format === "iso"
      ? `try_cast(left(${text}, 10) AS DATE)`
      : `CAST(try_strptime(regexp_extract(${text}, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}'), '%d/%m/%Y') AS DATE)`;
  return `CASE WHEN regexp_full_match(${text}, ${sqlString(DATE_PATTERN[format])}) THEN (${day} - DATE '1970-01-01')::INTEGER END`;
}

/** The row's day number, NULL where its date is not valid (parseDate's `INVALID_DATE`). */
function daySql(format: DateFormat, key: ExtractFields["dateKey"]): string {
  // Looked up whole, a text found in the calendar is exactly a date; by its first ten characters,
  // what follows must be a time of day.
  const found =
    key === "whole"
      ? "WHEN calendar.day IS NOT NULL THEN calendar.day"
      : `WHEN calendar.day IS NOT NULL AND strlen(d) = 10 THEN calendar.day
    WHEN calendar.day IS NOT NULL THEN CASE WHEN regexp_full_match(substr(d, 11), ${sqlString(TIME_OF_DAY)}) THEN calendar.day END`;
  return `CASE ${found} ELSE ${strictDay("d", format)} END`;
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

const ifMissing = (code: number) => `CASE WHEN day IN ${MISSING_DAYS} THEN ${code + MISSING_DAY} ELSE ${code} END`;

/**
 * Rows that cannot be vouched for: a field missing (DuckDB's null), an empty patient identifier, an
 * invalid date, a suspect reading, a method whose upper case JavaScript and DuckDB might disagree on
 * (not ASCII). (A CSV row of the wrong length never gets here: it stops the pass, see `csvReadSql`.)
 */
function unsureSql(fields: ExtractFields): string {
  const read = { patient_id: fields.patientId, category: fields.category, method: fields.method, episode: fields.episode };
  const missing = Object.entries(read).flatMap(([name, sql]) => (sql === undefined ? [] : [`dated.${name} IS NULL`]));
  return [
    ...missing,
    "dated.patient_id = ''",
    // A patient written NULL, NA or N/A: the subjects table holds every spelling of them at slot -1
    // (`loadSubjects`), so the join that finds each row's subject finds these too, at no cost per row.
    `s.slot = ${TOKEN_SLOT}`,
    "day IS NULL",
    ...(fields.suspect !== undefined ? ["suspect"] : []),
    ...(fields.method !== undefined ? ["strlen(method) <> length(method)"] : []),
  ].join(" OR ");
}

/** The reasons a subject's valid row is not countable, in the order the row parsers test them. */
function reasonsSql(fields: ExtractFields, rules: CountingRules): string[] {
  const reasons: string[] = [];
  if (fields.episode !== undefined) {
    // /^0*1$/: the first episode of a spell (HES writes EPIORDER as 01).
    reasons.push(`WHEN NOT (episode = '1' OR regexp_full_match(episode, '0*1')) THEN ${ifMissing(CODE.later_episode)}`);
  }
  if (fields.method !== undefined) {
    // A token is an empty method (missing-values.ts); it matters only to a list that holds one or ''.
    const method = listSeesMissing(rules.emergencyMethods) ? missingAsEmptySql("method") : "method";
    reasons.push(`WHEN NOT (${sqlInList(`upper(${method})`, rules.emergencyMethods)}) THEN ${ifMissing(CODE.not_emergency)}`);
  }
  if (fields.category !== undefined) {
    const category = listSeesMissing(rules.excludedCategories) ? missingAsEmptySql("category") : "category";
    reasons.push(`WHEN ${sqlInList(category, rules.excludedCategories)} THEN ${ifMissing(CODE.excluded_category)}`);
  }
  reasons.push(`WHEN day IN ${MISSING_DAYS} THEN ${CODE.missing_date + MISSING_DAY}`);
  return reasons;
}

/** The pass's first steps: every row's fields as text, and its day (NULL where not a valid date). */
function datedSql(fields: ExtractFields, rules: CountingRules): string {
  // NULL, NA and N/A are missing values, as in the row reader (missing-values.ts): read as they are
  // here, and told where they matter (an unsure patient, a list of codes; a date so written is not one,
  // an episode so written is not a first).
  const optional = (name: string, sql: string | undefined) => (sql === undefined ? [] : [`${sql} AS ${name}`]);
  const selected = [
    `${fields.patientId} AS patient_id`,
    `${fields.date} AS d`,
    ...optional("category", fields.category),
    ...optional("method", fields.method),
    ...optional("episode", fields.episode),
    ...(fields.suspect === undefined ? [] : [`${fields.suspect} AS suspect`]),
  ];
  const key = fields.dateKey === "whole" ? "d" : "left(d, 10)";
  return `WITH fields AS (
    SELECT ${selected.join(", ")} FROM ${fields.source}
  ), dated AS (
    SELECT fields.*, ${daySql(rules.dateFormat, fields.dateKey)} AS day
    FROM fields LEFT JOIN calendar_${rules.dateFormat} AS calendar ON calendar.text = ${key}
  )`;
}

/**
 * The one pass. Each result row is a (subject slot, code) group with its row count and the earliest
 * and latest day in it: a few per subject, whatever the extract's length. The counts stand only if
 * no row is `unsure`. (Counts come back as doubles, exact to 2^53, not as BigInt.)
 */
export function tallySql(fields: ExtractFields, rules: CountingRules): string {
  return `${datedSql(fields, rules)}, placed AS (
    SELECT s.slot, day, CASE
      WHEN ${unsureSql(fields)} THEN ${CODE.unsure}
      WHEN s.slot IS NULL THEN ${ifMissing(CODE.others)}
      ${reasonsSql(fields, rules).join("\n      ")}
      ELSE ${placeSql(rules.indexDay)} END AS code
    FROM dated LEFT JOIN subjects AS s ON s.patient_id = dated.patient_id
  )
  SELECT slot, code, count(*)::DOUBLE AS rows, min(day) AS earliest, max(day) AS latest
  FROM placed GROUP BY slot, code`;
}

/** For an admissions extract without episode order: the repeats of `spell-repeats.ts`, in one more pass. */
export function repeatsSql(fields: ExtractFields, rules: CountingRules): string {
  return `${datedSql(fields, rules)}\n  ${spellRepeatsSql(MISSING_DAYS)}`;
}
