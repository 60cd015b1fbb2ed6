import type { IndexDayRule } from "../core/windows.js";
import { PLACE, PLACES } from "../core/windows.js";
import { type DateFormat, HES_MISSING_DATES } from "../extracts/dates.js";
import { spellRepeatsSql } from "../core/spell-repeats.js";
import { sqlString } from "../io/duckdb-session.js";
import { DMY_DATE, ISO_DATE, optional, seq, TIME_OF_DAY as TIME_OF_DAY_PATTERN, toRegex } from "../extracts/text-pattern.js";
import { boundaryColumns, monthSql } from "./duckdb-months.js";

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
export const CODE = { others: 5, unsure: 6, missing_date: 7 } as const;
/** The code of an outcome's own reason not to count a row: its position in `CountingRules.reasons`, from here. */
export const FIRST_REASON_CODE = 10;
export const MISSING_DAY = 100;

/** How one extract's fields are read: SQL expressions over `source`, each giving text or NULL. */
export interface ExtractFields {
  /** The table function reading the extract where it lies (`read_csv(…)`, `read_parquet(…)`). */
  source: string;
  patientId: string;
  date: string;
  /** The outcomes' own columns the extract has, by spec name (`admission_method`). */
  columns: Record<string, string>;
  /** Those of them compared without regard to case (see `OutcomeColumn.caseless`). */
  caseless: readonly string[];
  /** A row the two CSV readers might read differently (see `csvRead` in duckdb-fields.ts). */
  suspect?: string;
  /** The date field is a bare date (`whole`) or may carry a time after it (`prefix`). */
  dateKey: "whole" | "prefix";
}

/** What decides whether a valid row is countable: the outcome's rule in SQL (`CountingRule.notCountableSql`), in its order. */
export interface CountingRules {
  dateFormat: DateFormat;
  indexDay: IndexDayRule;
  /** K: the months −K…K counted around each index date (the subjects table has their boundaries). */
  months: number;
  reasons: readonly { reason: string; when: string }[];
}

/** A column's name inside the pass: the spec's names are not all SQL names (a custom outcome's `countWhere` column is a header). */
export const columnAlias = (position: number) => `col${position}`;

// dates.ts's shapes, as the warehouse script writes them (text-pattern.ts), for RE2's full match (JS's ^…$ without the m flag).
const TIME_OF_DAY = toRegex(TIME_OF_DAY_PATTERN);
const DATE_PATTERN: Record<DateFormat, string> = {
  iso: toRegex(seq(ISO_DATE, optional(TIME_OF_DAY_PATTERN))),
  dmy: toRegex(seq(DMY_DATE, optional(TIME_OF_DAY_PATTERN))),
};
const DMY_AT_START = `^${toRegex(DMY_DATE)}`;
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
/** In the pass's groups (`tallySql`): the slot of a code that is not a place, the month of a row in no month. */
export const NO_SLOT = -1;
export const NO_MONTH = -1;

/**
 * The subjects, filled by an appender (the only copy of the referral index DuckDB holds), and the
 * windows and month boundaries of each of their index dates, which depend on the date alone: a row
 * per date, not per patient (a programme's patients share a few hundred dates).
 */
export function subjectsTableSql(months: number): string[] {
  const bounds = boundaryColumns(months).map((column) => `${column} INTEGER`);
  return [
    "CREATE OR REPLACE TEMP TABLE subjects (patient_id VARCHAR, slot INTEGER, index_day INTEGER)",
    `CREATE OR REPLACE TEMP TABLE index_days (index_day INTEGER, prior_start INTEGER, pre_start INTEGER, post_end INTEGER, ${bounds.join(", ")})`,
  ];
}

/**
 * Once both are filled: each subject with its index date's windows and months, so that the pass
 * finds a row's subject and windows in one join, not two (a join less per row of the extract: 0.07 s
 * of 1.97 s at 10M rows; the tables are a row per subject, made in milliseconds).
 */
export const SUBJECT_WINDOWS_SQL = `CREATE OR REPLACE TEMP TABLE subject_windows AS
  SELECT s.patient_id, s.slot, s.index_day, w.* EXCLUDE (index_day) FROM subjects AS s LEFT JOIN index_days AS w ON w.index_day = s.index_day`;

/** parseDate's strict reading, for a text the calendar does not hold (a time, an odd year, a bad date). */
function strictDay(text: string, format: DateFormat): string {
  const day =
    format === "iso"
      ? `try_cast(left(${text}, 10) AS DATE)`
      : `CAST(try_strptime(regexp_extract(${text}, ${sqlString(DMY_AT_START)}), '%d/%m/%Y') AS DATE)`;
  return `CASE WHEN regexp_full_match(${text}, ${sqlString(DATE_PATTERN[format])}) THEN (${day} - DATE '1970-01-01')::INTEGER END`;
}

/** The row's day number, NULL where its date is not valid (parseDate's `INVALID_DATE`). */
export function daySql(format: DateFormat, key: ExtractFields["dateKey"]): string {
  // Looked up whole, a text found in the calendar is exactly a date; by its first ten characters,
  // what follows must be a time of day.
  const found =
    key === "whole"
      ? "WHEN calendar.day IS NOT NULL THEN calendar.day"
      : `WHEN calendar.day IS NOT NULL AND strlen(d) = 10 THEN calendar.day
    WHEN calendar.day IS NOT NULL THEN CASE WHEN regexp_full_match(substr(d, 11), ${sqlString(TIME_OF_DAY)}) THEN calendar.day END`;
  return `CASE ${found} ELSE ${strictDay("d", format)} END`;
}

/** The names `placeSql` compares: a row's day and its subject's window bounds. */
export interface PlaceNames {
  day: string;
  indexDay: string;
  preStart: string;
  priorStart: string;
  postEnd: string;
}

const PASS_NAMES: PlaceNames = { day: "day", indexDay: "s.index_day", preStart: "s.pre_start", priorStart: "s.prior_start", postEnd: "s.post_end" };

/** placeInWindows, in SQL (this pass's, and the warehouse script's: plain comparisons, in every dialect). */
export function placeSql(indexDay: IndexDayRule, names: PlaceNames = PASS_NAMES): string {
  const onIndexDay = indexDay === "exclude" ? PLACE.indexDay : indexDay === "pre" ? PLACE.pre : PLACE.post;
  const { day, indexDay: index, preStart, priorStart, postEnd } = names;
  return `CASE
    WHEN ${day} = ${index} THEN ${onIndexDay}
    WHEN ${day} < ${index} THEN CASE WHEN ${day} >= ${preStart} THEN ${PLACE.pre} WHEN ${day} >= ${priorStart} THEN ${PLACE.prior} ELSE ${PLACE.outside} END
    WHEN ${day} <= ${postEnd} THEN ${PLACE.post}
    ELSE ${PLACE.outside} END`;
}

export const MISSING_DAYS = `(${[...HES_MISSING_DATES].join(", ")})`;

/**
 * Whether the row's day is a HES placeholder. The placeholders are centuries back, so one comparison
 * rules out nearly every row before the list is tried (the pass tests it up to twice a row).
 */
const IS_MISSING_DAY = `(day <= ${Math.max(...HES_MISSING_DATES)} AND day IN ${MISSING_DAYS})`;

const ifMissing = (code: number) => `CASE WHEN ${IS_MISSING_DAY} THEN ${code + MISSING_DAY} ELSE ${code} END`;

/**
 * Rows that cannot be vouched for: a field missing (DuckDB's null), an empty patient identifier, an
 * invalid date, a suspect reading, a method whose upper case JavaScript and DuckDB might disagree on
 * (not ASCII). (A CSV row of the wrong length never gets here: it stops the pass, see `csvReadSql`.)
 */
function unsureSql(fields: ExtractFields): string {
  const aliases = Object.keys(fields.columns).map((_, i) => columnAlias(i));
  const caseless = Object.keys(fields.columns).flatMap((name, i) => (fields.caseless.includes(name) ? [columnAlias(i)] : []));
  return [
    "dated.patient_id IS NULL",
    ...aliases.map((alias) => `dated.${alias} IS NULL`),
    "dated.patient_id = ''",
    // A patient written NULL, NA or N/A: the subjects table holds every spelling of them at slot -1
    // (`loadSubjects`), so the join that finds each row's subject finds these too, at no cost per row.
    `s.slot = ${TOKEN_SLOT}`,
    "day IS NULL",
    ...(fields.suspect !== undefined ? ["suspect"] : []),
    ...caseless.map((alias) => `strlen(${alias}) <> length(${alias})`),
  ].join(" OR ");
}

/** The reasons a subject's valid row is not countable, in the order the outcome's rule tests them, then a HES placeholder date. */
function reasonsSql(rules: CountingRules): string[] {
  return [
    ...rules.reasons.map(({ when }, i) => `WHEN ${when} THEN ${ifMissing(FIRST_REASON_CODE + i)}`),
    `WHEN ${IS_MISSING_DAY} THEN ${CODE.missing_date + MISSING_DAY}`,
  ];
}

/** The pass's first steps: every row's fields as text, and its day (NULL where not a valid date). */
function datedSql(fields: ExtractFields, rules: CountingRules): string {
  // NULL, NA and N/A are missing values, as in the row reader (missing-values.ts): read as they are
  // here, and told where they matter (an unsure patient, a list of codes; a date so written is not one,
  // an episode so written is not a first).
  const selected = [
    `${fields.patientId} AS patient_id`,
    `${fields.date} AS d`,
    ...Object.values(fields.columns).map((sql, i) => `${sql} AS ${columnAlias(i)}`),
    ...(fields.suspect === undefined ? [] : [`${fields.suspect} AS suspect`]),
  ];
  return `WITH fields AS (
    SELECT ${selected.join(", ")} FROM ${fields.source}
  ), dated AS (
    ${datedFieldsSql(rules.dateFormat, fields.dateKey)}
  )`;
}

/**
 * Every row of `fields` with its day, NULL where its date text `d` is not a valid date (`daySql`):
 * the step each pass over an extract takes, the activity's and the people's alike.
 */
export function datedFieldsSql(format: DateFormat, key: ExtractFields["dateKey"]): string {
  return `SELECT fields.*, ${daySql(format, key)} AS day
    FROM fields LEFT JOIN calendar_${format} AS calendar ON calendar.text = ${key === "whole" ? "d" : "left(d, 10)"}`;
}

/**
 * The one pass. Each result row is a (subject slot, code, month) group with its row count and the
 * earliest and latest day in it: a few per subject and month, whatever the extract's length. The
 * month is that of a countable row (a place code), −1 for every other code and beyond month ±K.
 * The counts stand only if no row is `unsure`. (Counts come back as doubles, exact to 2^53, not as BigInt.)
 *
 * No column is ever NULL, so that the groups are read straight off DuckDB's vectors (a vector with
 * nulls checks each value's validity bit, which costs more than the rest of the fold): a place code
 * always has a subject's slot (0 or more), so another code's slot, which no one reads, may be −1; a
 * group's days are NULL only if every row's day is, which makes its rows `unsure`.
 *
 * The groups come back in slot order, so that the fold writes each subject's counts one after the
 * other: in the hash table's order it wrote all over tallies of tens of MB (300,000 subjects' months),
 * missing the cache at nearly every group; sorted, the pass and fold took 0.2 s less there.
 */
export function tallySql(fields: ExtractFields, rules: CountingRules): string {
  return `${datedSql(fields, rules)}, placed AS (
    SELECT s.slot, day, CASE
      WHEN ${unsureSql(fields)} THEN ${CODE.unsure}
      WHEN s.slot IS NULL THEN ${ifMissing(CODE.others)}
      ${reasonsSql(rules).join("\n      ")}
      ELSE ${placeSql(rules.indexDay)} END AS code,
      ${monthSql(rules.months)} AS month_of_day
    FROM dated LEFT JOIN subject_windows AS s ON s.patient_id = dated.patient_id
  ), grouped AS (
    SELECT coalesce(slot, ${NO_SLOT}) AS slot, code, CASE WHEN code < ${PLACES} THEN coalesce(month_of_day, ${NO_MONTH}) ELSE ${NO_MONTH} END AS month, day FROM placed
  )
  SELECT slot, code, month, count(*)::DOUBLE AS rows, coalesce(min(day), 0) AS earliest, coalesce(max(day), 0) AS latest
  FROM grouped GROUP BY slot, code, month
  ORDER BY slot`;
}

/** The population's people by position, for matching's days (duckdb-days.ts). */
export const POPULATION_TABLE_SQL = "CREATE OR REPLACE TEMP TABLE population (patient_id VARCHAR, person INTEGER)";

/**
 * Matching's days (activity-days.ts): each countable row of a person of the population, as (person,
 * day), for the days `[from, to)`. Run only after the extract's tally found no row it could not vouch
 * for, so every row here is valid; countable is the tally's test: none of the outcome's reasons, and
 * not a HES placeholder date.
 */
export function countableDaysSql(fields: ExtractFields, rules: CountingRules, span: { from: number; to: number }): string {
  const countable = rules.reasons.length === 0 ? "true" : `CASE ${rules.reasons.map(({ when }) => `WHEN ${when} THEN false`).join(" ")} ELSE true END`;
  return `${datedSql(fields, rules)}
  SELECT p.person, dated.day FROM dated JOIN population AS p ON p.patient_id = dated.patient_id
  WHERE dated.day >= ${span.from} AND dated.day < ${span.to} AND dated.day NOT IN ${MISSING_DAYS} AND ${countable}`;
}

/** The pass's name for an outcome column, for a rule's SQL (`CountingRule.notCountableSql`). */
export function aliasOf(fields: ExtractFields): (name: string) => string | undefined {
  const names = Object.keys(fields.columns);
  return (name) => (names.includes(name) ? columnAlias(names.indexOf(name)) : undefined);
}

/** For an extract without episode order: the repeats of `spell-repeats.ts` (patient, day and `column`), in one more pass. */
export function repeatsSql(fields: ExtractFields, rules: CountingRules, column: string): string {
  return `${datedSql(fields, rules)}\n  ${spellRepeatsSql(MISSING_DAYS, aliasOf(fields)(column) ?? "''")}`;
}
